package org.mlcycle.course.lessons;

import java.util.HashMap;
import java.util.Map;
import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;
import tech.tablesaw.api.Table;

/**
 * A learner's own data for lesson 7's exercises, from a world made from the variant seed
 * ({@link StudentDraw#world}): a reference sample (targeted pairs of two months ago), a harmless
 * shift of it (the same pairs resampled so that the device mix is yesterday's: the inputs move, the
 * answer for each input does not) and yesterday's pairs (the harmful shift: new queries, travel
 * searches that turned purchase-minded). The checks make all three again from the same seed.
 */
public final class Lesson07Data {
    /** Rows in each sample. */
    public static final int ROWS = 15_000;

    /** The three samples of one learner. */
    public record Draws(Table reference, Table harmless, Table harmful) {}

    private Lesson07Data() {}

    public static Draws draws(long seed) {
        AdWorld world = StudentDraw.world(seed);
        Table reference =
                StudentDraw.labeledPairs(world, Period.TWO_MONTHS_AGO, ROWS).setName("reference");
        Table harmful = StudentDraw.labeledPairs(world, Period.YESTERDAY, ROWS).setName("harmful");
        Map<String, Double> refShare = shares(reference), curShare = shares(harmful);
        // importance resampling by device alone: P(device) becomes yesterday's, P(everything else | device) stays
        double[] cumulative = new double[reference.rowCount()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            String d = reference.stringColumn("device").get(i);
            total += curShare.getOrDefault(d, 0.0) / refShare.get(d);
            cumulative[i] = total;
        }
        StudentDraw draw = StudentDraw.of(seed, 0x5DEECE66DL);
        int[] rows = new int[ROWS];
        for (int k = 0; k < ROWS; k++) {
            int at = java.util.Arrays.binarySearch(cumulative, draw.uniform() * total);
            rows[k] = Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
        }
        Table harmless = reference.emptyCopy().setName("harmless");
        for (int i : rows) {
            harmless.addRow(i, reference); // with replacement: Table.rows(...) would drop the repeats
        }
        return new Draws(reference, harmless, harmful);
    }

    /** The lesson's drift options: the categorical codes named, identifiers and labels left out. */
    public static DriftOptions driftOptions() {
        return DriftOptions.defaults()
                .withCategorical("query_category", "ad_category", "gender", "age")
                .withIgnored(
                        "row_id",
                        "day",
                        "user_id",
                        "query_id",
                        "ad_id",
                        "advertiser_id",
                        "label_a",
                        "label_b",
                        "label",
                        "weight");
    }

    /** The drift of {@code current} against the reference, with {@link #driftOptions()}. */
    public static DriftReport drift(Draws draws, Table current) {
        return Drift.between(draws.reference(), current, driftOptions());
    }

    private static Map<String, Double> shares(Table t) {
        Map<String, Double> m = new HashMap<>();
        for (String d : t.stringColumn("device")) {
            m.merge(d, 1.0 / t.rowCount(), Double::sum);
        }
        return m;
    }
}
