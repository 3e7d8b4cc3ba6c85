package org.mlcycle.toolkit.datasets;

/**
 * The two periods of the story, as days relative to today (day 0): a week two months ago, when the
 * first model's data were collected, and yesterday, when it was found to have degraded.
 */
public enum Period {
    /** Days -60 to -54. */
    TWO_MONTHS_AGO(-60, -54, "2m"),
    /** Day -1. */
    YESTERDAY(-1, -1, "yesterday");

    private final int firstDay;
    private final int lastDay;
    private final String tag;

    Period(int firstDay, int lastDay, String tag) {
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.tag = tag;
    }

    public int firstDay() {
        return firstDay;
    }

    public int lastDay() {
        return lastDay;
    }

    /** Short name used in file names: "2m" or "yesterday". */
    public String tag() {
        return tag;
    }
}
