package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.stats.ValueCount;
import org.mlcycle.toolkit.stats.ValueCounts;

/** The alert rules of a profile, one per kind, thresholds from {@link ProfileOptions}. */
public final class Alerts {
    private Alerts() {}

    public static List<ProfileAlert> of(int rows, List<ColumnProfile> columns, long duplicates, ProfileOptions o) {
        List<ProfileAlert> alerts = new ArrayList<>();
        if (rows == 0) {
            alerts.add(new ProfileAlert(ProfileAlert.Kind.EMPTY_TABLE, "", 0, "the table has no rows"));
            return alerts;
        }
        if (duplicates > 0) {
            alerts.add(new ProfileAlert(
                    ProfileAlert.Kind.DUPLICATES,
                    "",
                    duplicates,
                    f("%d rows (%.2f%%) repeat an earlier row", duplicates, 100.0 * duplicates / rows)));
        }
        for (ColumnProfile c : columns) {
            String name = c.name();
            long present = c.count() - c.missing();
            if (present == 0) {
                alerts.add(new ProfileAlert(
                        ProfileAlert.Kind.ALL_MISSING, name, c.count(), f("all %d cells are missing", c.count())));
                continue;
            }
            if (c.distinct() == 1) {
                alerts.add(new ProfileAlert(ProfileAlert.Kind.CONSTANT, name, 1, "one distinct value: " + single(c)));
            } else if (c.distinct() == present && present > 1) {
                alerts.add(new ProfileAlert(
                        ProfileAlert.Kind.UNIQUE, name, c.distinct(), f("all %d values are distinct", present)));
            }
            if (c.missingShare() > o.missingShare()) {
                alerts.add(new ProfileAlert(
                        ProfileAlert.Kind.MISSING,
                        name,
                        c.missingShare(),
                        f(
                                "%d missing (%.2f%% > %.2f%%)",
                                c.missing(), 100 * c.missingShare(), 100 * o.missingShare())));
            }
            if (c.numeric()) {
                double zeros = (double) c.zeros() / c.count();
                if (zeros > o.zerosShare()) {
                    alerts.add(new ProfileAlert(
                            ProfileAlert.Kind.ZEROS,
                            name,
                            zeros,
                            f("%d zeros (%.2f%% > %.2f%%)", c.zeros(), 100 * zeros, 100 * o.zerosShare())));
                }
                if (Math.abs(c.skewness()) > o.skew()) {
                    alerts.add(new ProfileAlert(
                            ProfileAlert.Kind.SKEWED,
                            name,
                            c.skewness(),
                            f("skewness %.2f (|skew| > %.0f)", c.skewness(), o.skew())));
                }
            } else if (c.distinct() > o.maxCategories()) {
                alerts.add(new ProfileAlert(
                        ProfileAlert.Kind.HIGH_CARDINALITY,
                        name,
                        c.distinct(),
                        f("%d categories (> %d)", c.distinct(), o.maxCategories())));
            }
            if (c.imbalance() > o.imbalance() && c.distinct() > 1) {
                ValueCount most = c.top().get(0);
                alerts.add(new ProfileAlert(
                        ProfileAlert.Kind.IMBALANCE,
                        name,
                        c.imbalance(),
                        f(
                                "imbalance %.2f (> %.2f): '%s' holds" + " %.2f%%",
                                c.imbalance(), o.imbalance(), most.value(), 100.0 * most.count() / present)));
            }
        }
        return alerts;
    }

    private static String single(ColumnProfile c) {
        if (!c.top().isEmpty()) {
            return "'" + c.top().get(0).value() + "'";
        }
        return ValueCounts.text(c.min());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
