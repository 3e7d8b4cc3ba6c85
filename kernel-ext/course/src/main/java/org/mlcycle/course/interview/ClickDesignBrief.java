package org.mlcycle.course.interview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The numbers an interviewer gives a candidate for "design ad click prediction", one set per
 * variant seed, so two candidates do the same arithmetic on different numbers.
 *
 * @param dailyUsers people who search on a day
 * @param searchesPerUser searches per user and day
 * @param peakFactor the busiest second's traffic over the day's average
 * @param adsPerRequest ads shown per search request, on average
 * @param candidatesPerRequest ads that retrieval hands to the ranking model per request
 * @param latencyMs the ad server's latency budget per request (p99), in milliseconds
 * @param retrievalMs the part of it that candidate retrieval takes
 * @param featuresMs the part that fetching features from the feature store takes
 * @param otherMs the part that the auction, logging and the network take
 * @param distinctCrosses distinct values of the (user segment x ad) cross feature
 * @param negativeKeep the share of unclicked impressions kept for training (negative downsampling)
 * @param scoreDownsampled a score of the model trained on the downsampled data
 * @param minLift the smallest relative CTR lift worth detecting online
 * @param trafficShare the share of all traffic each arm of the A/B test gets
 */
public record ClickDesignBrief(
        long dailyUsers,
        int searchesPerUser,
        double peakFactor,
        double adsPerRequest,
        int candidatesPerRequest,
        int latencyMs,
        int retrievalMs,
        int featuresMs,
        int otherMs,
        long distinctCrosses,
        double negativeKeep,
        double scoreDownsampled,
        double minLift,
        double trafficShare)
        implements Rendered {

    /** The brief of the candidate whose variant seed is {@code seed}. */
    public static ClickDesignBrief of(long seed) {
        StudentDraw draw = StudentDraw.of(seed, 0x14C11C4L);
        return new ClickDesignBrief(
                1_000_000L * draw.between(20, 80),
                draw.between(3, 8),
                2.0 + 0.5 * draw.between(0, 3),
                1.2 + 0.1 * draw.between(0, 8),
                100 * draw.between(2, 8),
                10 * draw.between(8, 15),
                draw.between(10, 20),
                draw.between(10, 25),
                draw.between(15, 30),
                100_000L * draw.between(10, 90),
                0.01 * draw.between(2, 10),
                0.01 * draw.between(5, 30),
                0.005 * draw.between(2, 6),
                0.0001 * draw.between(1, 10));
    }

    /** Search requests per day. */
    public double requestsPerDay() {
        return dailyUsers * (double) searchesPerUser;
    }

    private Map<String, String> lines() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("daily users", String.format(Locale.ROOT, "%,d", dailyUsers));
        m.put("searches per user and day", String.valueOf(searchesPerUser));
        m.put("peak over average traffic", String.format(Locale.ROOT, "%.1f", peakFactor));
        m.put("ads shown per request", String.format(Locale.ROOT, "%.1f", adsPerRequest));
        m.put("candidates ranked per request", String.valueOf(candidatesPerRequest));
        m.put("latency budget (p99)", latencyMs + " ms");
        m.put("retrieval / features / auction+network", retrievalMs + " / " + featuresMs + " / " + otherMs + " ms");
        m.put("distinct (user segment x ad) values", String.format(Locale.ROOT, "%,d", distinctCrosses));
        m.put("negatives kept when training", String.format(Locale.ROOT, "%.0f%%", 100 * negativeKeep));
        m.put("a score of the downsampled model", String.format(Locale.ROOT, "%.2f", scoreDownsampled));
        m.put("smallest CTR lift worth detecting", String.format(Locale.ROOT, "%.1f%%", 100 * minLift));
        m.put("traffic share of each A/B arm", String.format(Locale.ROOT, "%.2f%%", 100 * trafficShare));
        return m;
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder("your brief:");
        lines().forEach((k, v) -> out.append(String.format(Locale.ROOT, "%n  %-40s %s", k, v)));
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        lines().forEach((k, v) -> rows.add(List.of(k, v)));
        return "<p><b>your brief</b></p>" + Html.table(List.of("given", "value"), rows);
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("daily_users", dailyUsers);
        m.put("searches_per_user", searchesPerUser);
        m.put("peak_factor", peakFactor);
        m.put("ads_per_request", adsPerRequest);
        m.put("candidates_per_request", candidatesPerRequest);
        m.put("latency_ms", latencyMs);
        m.put("retrieval_ms", retrievalMs);
        m.put("features_ms", featuresMs);
        m.put("other_ms", otherMs);
        m.put("distinct_crosses", distinctCrosses);
        m.put("negative_keep", negativeKeep);
        m.put("score_downsampled", scoreDownsampled);
        m.put("min_lift", minLift);
        m.put("traffic_share", trafficShare);
        return m;
    }

    @Override
    public String toString() {
        return toText();
    }
}
