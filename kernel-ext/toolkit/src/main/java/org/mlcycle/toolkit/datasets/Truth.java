package org.mlcycle.toolkit.datasets;

/**
 * The known "should show" function. The score is written out in DATASHEET.md; the probability is
 * sigmoid(3 * (score + b0)). Two concept changes move what is relevant as the days approach today.
 */
final class Truth {
    static final double SLOPE = 3.0;
    /** From day -21 on, a competitor's ad on an insurance brand search is acceptable (a policy change). */
    static final int INSURANCE_CHANGE_DAY = -21;
    /** From day -30 the travel bonus for informational queries ramps up to its full size on day -1. */
    static final int TRAVEL_RAMP_START = -30;

    static final double TRAVEL_BONUS = 7.0;

    static final int KW_NONE = 0;
    static final int KW_BROAD = 1;
    static final int KW_PHRASE = 2;
    static final int KW_EXACT = 3;
    static final String[] KW = {"none", "broad", "phrase", "exact"};

    static final int BRAND_NONE = 0;
    static final int BRAND_SAME = 1;
    static final int BRAND_COMPETITOR = 2;
    static final String[] BRAND_REL = {"none", "same", "competitor"};

    private Truth() {}

    /** The score without the intercept b0. */
    static double score(
            int day,
            boolean topicMatch,
            int kw,
            double textSim,
            int intent,
            int brandRel,
            double landing,
            int queryCategory) {
        double s = (topicMatch ? 9.0 : 0.0)
                + (kw == KW_EXACT ? 1.5 : 0.0)
                + (kw == KW_PHRASE ? 0.5 : 0.0)
                + 4.0 * (textSim - 0.6)
                + (intent == World.COMMERCIAL ? 1.0 : 0.0)
                - (intent == World.INFORMATIONAL ? 5.0 : 0.0)
                + (brandRel == BRAND_SAME ? 1.5 : 0.0)
                + 4.0 * (landing - 0.35);
        boolean competitorOnBrandSearch = brandRel == BRAND_COMPETITOR && intent == World.NAVIGATIONAL;
        if (competitorOnBrandSearch && !(queryCategory == World.INSURANCE && day >= INSURANCE_CHANGE_DAY)) {
            s -= 6.0;
        }
        if (queryCategory == World.TRAVEL && intent == World.INFORMATIONAL) {
            s += TRAVEL_BONUS * travelRamp(day);
        }
        return s;
    }

    static double travelRamp(int day) {
        return Dist.clip((day - TRAVEL_RAMP_START + 1) / (double) (-1 - TRAVEL_RAMP_START + 1), 0, 1);
    }

    static double probability(double score, double b0) {
        return Dist.sigmoid(SLOPE * (score + b0));
    }
}
