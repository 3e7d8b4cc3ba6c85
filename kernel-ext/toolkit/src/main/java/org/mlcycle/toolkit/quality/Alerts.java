package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.stats.ValueCount;
import org.mlcycle.toolkit.stats.ValueCounts;

/** The alert rules of a profile, one per kind, thresholds from {@link ProfileOptions}. */
public final class Alerts {
    private Alerts() {}

    public static List<ProfileAlert> of(int rows, List<ColumnProfile> columns, long duplicates, ProfileOptions o) {
        List<ProfileAlert> alerts = new ArrayList<>();
        if (rows == 0) {
            alerts.add(alert(ProfileAlert.Kind.EMPTY_TABLE, null, 0, rows, duplicates, o));
            return alerts;
        }
        if (duplicates > 0) {
            alerts.add(alert(ProfileAlert.Kind.DUPLICATES, null, duplicates, rows, duplicates, o));
        }
        for (ColumnProfile c : columns) {
            long present = c.count() - c.missing();
            if (present == 0) {
                alerts.add(alert(ProfileAlert.Kind.ALL_MISSING, c, c.count(), rows, duplicates, o));
                continue;
            }
            if (c.distinct() == 1) {
                alerts.add(alert(ProfileAlert.Kind.CONSTANT, c, 1, rows, duplicates, o));
            } else if (c.distinct() == present && present > 1) {
                alerts.add(alert(ProfileAlert.Kind.UNIQUE, c, c.distinct(), rows, duplicates, o));
            }
            if (c.missingShare() > o.missingShare()) {
                alerts.add(alert(ProfileAlert.Kind.MISSING, c, c.missingShare(), rows, duplicates, o));
            }
            if (c.numeric()) {
                double zeros = (double) c.zeros() / c.count();
                if (zeros > o.zerosShare()) {
                    alerts.add(alert(ProfileAlert.Kind.ZEROS, c, zeros, rows, duplicates, o));
                }
                if (Math.abs(c.skewness()) > o.skew()) {
                    alerts.add(alert(ProfileAlert.Kind.SKEWED, c, c.skewness(), rows, duplicates, o));
                }
            } else if (c.distinct() > o.maxCategories()) {
                alerts.add(alert(ProfileAlert.Kind.HIGH_CARDINALITY, c, c.distinct(), rows, duplicates, o));
            }
            if (c.imbalance() > o.imbalance() && c.distinct() > 1) {
                alerts.add(alert(ProfileAlert.Kind.IMBALANCE, c, c.imbalance(), rows, duplicates, o));
            }
        }
        return alerts;
    }

    /** An alert on column {@code c} (null for the whole table), its detail in English. */
    private static ProfileAlert alert(
            ProfileAlert.Kind kind, ColumnProfile c, double value, int rows, long duplicates, ProfileOptions o) {
        return new ProfileAlert(kind, c == null ? "" : c.name(), value, detail("en", kind, c, rows, duplicates, o));
    }

    /**
     * What an alert of {@code kind} says about column {@code c} (null for the whole table), in
     * {@code language}: English in the alert itself and the text, the learner's in the HTML.
     */
    static String detail(
            String language, ProfileAlert.Kind kind, ColumnProfile c, int rows, long duplicates, ProfileOptions o) {
        String key = "report.profile.alert." + key(kind);
        return switch (kind) {
            case EMPTY_TABLE -> Messages.in(language, key);
            case DUPLICATES -> Messages.in(language, key, duplicates, 100.0 * duplicates / rows);
            case ALL_MISSING -> Messages.in(language, key, c.count());
            case CONSTANT -> Messages.in(language, key, single(c));
            case UNIQUE -> Messages.in(language, key, c.count() - c.missing());
            case MISSING -> Messages.in(language, key, c.missing(), 100 * c.missingShare(), 100 * o.missingShare());
            case ZEROS ->
                Messages.in(language, key, c.zeros(), 100 * ((double) c.zeros() / c.count()), 100 * o.zerosShare());
            case SKEWED -> Messages.in(language, key, c.skewness(), o.skew());
            case HIGH_CARDINALITY -> Messages.in(language, key, c.distinct(), o.maxCategories());
            case IMBALANCE -> {
                ValueCount most = c.top().get(0);
                yield Messages.in(
                        language,
                        key,
                        c.imbalance(),
                        o.imbalance(),
                        most.value(),
                        100.0 * most.count() / (c.count() - c.missing()));
            }
        };
    }

    /** The last part of the message keys of an alert kind: its detail, and its name ({@code kind.} before it). */
    static String key(ProfileAlert.Kind kind) {
        return switch (kind) {
            case EMPTY_TABLE -> "emptyTable";
            case ALL_MISSING -> "allMissing";
            case CONSTANT -> "constant";
            case UNIQUE -> "unique";
            case MISSING -> "missing";
            case ZEROS -> "zeros";
            case HIGH_CARDINALITY -> "highCardinality";
            case SKEWED -> "skewed";
            case IMBALANCE -> "imbalance";
            case DUPLICATES -> "duplicates";
        };
    }

    private static String single(ColumnProfile c) {
        if (!c.top().isEmpty()) {
            return "'" + c.top().get(0).value() + "'";
        }
        return ValueCounts.text(c.min());
    }
}
