package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mlcycle.toolkit.report.Html;

/**
 * The engine-free half of {@link Schema}: a column's schema from what an engine counted on the reference,
 * and a batch's anomalies from what it counted on the batch, so that a table in memory and a Spark
 * {@code Dataset} follow the same rules and print the same messages.
 */
public final class SchemaRules {
    /** Examples of unseen values an anomaly lists. */
    public static final int EXAMPLES = 10;

    private SchemaRules() {}

    /**
     * What an engine measured on one column of a batch. Only the parts the schema asks for need be
     * measured: unseen values for a text column with a domain, out-of-range values for a number column
     * with a range; the rest may be 0 (or empty, or NaN).
     *
     * @param type Tablesaw's type name of the column
     * @param numeric whether it is a number column
     * @param present its non-missing cells
     * @param unseen cells whose value is outside the domain
     * @param unseenValues distinct values outside the domain
     * @param unseenTop values outside the domain with their counts, most frequent first (ties by value);
     *     at least the first {@link #EXAMPLES}
     * @param outOfRange values outside [min, max]
     * @param outMin the smallest of those (NaN when none)
     * @param outMax the largest of those (NaN when none)
     */
    public record BatchColumn(
            String type,
            boolean numeric,
            long present,
            long unseen,
            long unseenValues,
            Map<String, Long> unseenTop,
            long outOfRange,
            double outMin,
            double outMax) {

        /** A column of which only the type is needed (one the schema does not know). */
        public static BatchColumn typed(String type, boolean numeric) {
            return new BatchColumn(type, numeric, 0, 0, 0, Map.of(), 0, Double.NaN, Double.NaN);
        }
    }

    /** {@code part / whole}, 0 when {@code whole} is 0. */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** A number column's schema; the range only when {@code options} keep ranges. */
    public static ColumnSchema number(
            String name, String type, double missingShare, double min, double max, SchemaOptions options) {
        return new ColumnSchema(
                name,
                type,
                true,
                missingShare,
                List.of(),
                options.ranges() ? min : Double.NaN,
                options.ranges() ? max : Double.NaN);
    }

    /**
     * A text column's schema: its sorted values as the domain when there are at most
     * {@link SchemaOptions#maxDomain()} of them ({@code distinct}), else no domain.
     */
    public static ColumnSchema text(
            String name,
            String type,
            double missingShare,
            Collection<String> values,
            long distinct,
            SchemaOptions options) {
        List<String> domain = distinct <= options.maxDomain() ? List.copyOf(new TreeSet<>(values)) : List.of();
        return new ColumnSchema(name, type, false, missingShare, domain, Double.NaN, Double.NaN);
    }

    /**
     * How a batch departs from {@code schema}.
     *
     * @param batch every column of the batch, in its order, with what was measured on it
     */
    public static SchemaReport validate(Schema schema, String batchName, int rows, Map<String, BatchColumn> batch) {
        SchemaOptions options = schema.options();
        List<SchemaAnomaly> out = new ArrayList<>();
        if (rows == 0) {
            out.add(new SchemaAnomaly(
                    SchemaAnomaly.Kind.EMPTY_BATCH, "", Double.NaN, "the batch has no rows", List.of()));
        }
        java.util.Set<String> known = new TreeSet<>();
        for (ColumnSchema s : schema.columns()) {
            known.add(s.name());
        }
        for (Map.Entry<String, BatchColumn> e : batch.entrySet()) {
            if (!known.contains(e.getKey())) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.NEW_COLUMN,
                        e.getKey(),
                        Double.NaN,
                        "not in the schema of '" + schema.source() + "' (type "
                                + e.getValue().type() + ")",
                        List.of()));
            }
        }
        for (ColumnSchema s : schema.columns()) {
            BatchColumn c = batch.get(s.name());
            if (c == null) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.MISSING_COLUMN,
                        s.name(),
                        Double.NaN,
                        "expected " + s.type() + ", absent from '" + batchName + "'",
                        List.of()));
                continue;
            }
            if (!c.type().equals(s.type())) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.TYPE_CHANGED,
                        s.name(),
                        Double.NaN,
                        "was " + s.type() + ", now " + c.type(),
                        List.of()));
            }
            double missing = share(rows - c.present(), rows);
            if (missing > s.missingShare() + options.missingTolerance()) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.MISSING_RATE,
                        s.name(),
                        missing,
                        String.format(
                                Locale.ROOT,
                                "%.2f%% missing, reference %.2f%% (tolerance +%.2f points)",
                                100 * missing,
                                100 * s.missingShare(),
                                100 * options.missingTolerance()),
                        List.of()));
            }
            if (s.hasDomain() && !c.numeric()) {
                double share = share(c.unseen(), c.present());
                if (c.unseen() > 0 && share > options.unseenTolerance()) {
                    List<String> examples = c.unseenTop().entrySet().stream()
                            .limit(EXAMPLES)
                            .map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .toList();
                    out.add(new SchemaAnomaly(
                            SchemaAnomaly.Kind.UNSEEN_CATEGORIES,
                            s.name(),
                            share,
                            String.format(
                                    Locale.ROOT,
                                    "%d values outside the domain of %d (%.2f%% of %d rows): %s",
                                    c.unseenValues(),
                                    s.domain().size(),
                                    100 * share,
                                    c.present(),
                                    String.join(", ", examples)),
                            examples));
                }
            }
            if (s.hasRange() && c.numeric() && c.outOfRange() > 0) {
                double share = (double) c.outOfRange() / c.present();
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.OUT_OF_RANGE,
                        s.name(),
                        share,
                        String.format(
                                Locale.ROOT,
                                "%d values (%.2f%%) outside [%s, %s]; outliers span [%s, %s]",
                                c.outOfRange(),
                                100 * share,
                                Html.format(s.min()),
                                Html.format(s.max()),
                                Html.format(c.outMin()),
                                Html.format(c.outMax())),
                        List.of(Html.format(c.outMin()), Html.format(c.outMax()))));
            }
        }
        return new SchemaReport(schema.source(), batchName, rows, out);
    }
}
