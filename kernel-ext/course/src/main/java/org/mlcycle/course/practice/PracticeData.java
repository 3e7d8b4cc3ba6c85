package org.mlcycle.course.practice;

import org.mlcycle.course.variant.StudentDraw;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The practice notebook's data, made from a learner's variant seed: a day of ads with their bid,
 * impressions and clicks. The checks call the same method with the same seed, so the expected
 * values are made again, never stored.
 */
public final class PracticeData {
    /** Rows in {@link #ads}. */
    public static final int ROWS = 200;

    private PracticeData() {}

    /** {@value #ROWS} ads: ad_id, bid_cpc (log-normal around 0.40), impressions, clicks (CTR 1-8%). */
    public static Table ads(long seed) {
        StudentDraw draw = StudentDraw.of(seed, 0);
        int[] id = new int[ROWS];
        double[] bid = new double[ROWS];
        int[] impressions = new int[ROWS];
        int[] clicks = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            id[i] = 1000 + i;
            bid[i] = StudentDraw.round(0.40 * StrictMath.exp(0.6 * draw.gaussian()), 2);
            // a few ads get most impressions, as in real logs: this makes a per-row average of CTR wrong
            impressions[i] = 1 + (int) (2000 * Math.pow(draw.uniform(), 4));
            double ctr = 0.01 + 0.07 * draw.uniform() * (impressions[i] < 100 ? 1 : 0.3);
            int c = 0;
            for (int k = 0; k < impressions[i]; k++) {
                if (draw.chance(ctr)) {
                    c++;
                }
            }
            clicks[i] = c;
        }
        return Table.create(
                "ads",
                IntColumn.create("ad_id", id),
                DoubleColumn.create("bid_cpc", bid),
                IntColumn.create("impressions", impressions),
                IntColumn.create("clicks", clicks));
    }
}
