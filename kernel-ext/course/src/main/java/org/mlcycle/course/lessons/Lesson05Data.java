package org.mlcycle.course.lessons;

import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.labels.LabelAgreement;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A learner's own data for lesson 5's third exercise: targeted pairs of two months ago from a world
 * made from the learner's variant seed ({@link StudentDraw#world}), with labeler A's and labeler B's
 * answers and a {@code slice} column (intent x brand relation). The check makes them again from the seed.
 */
public final class Lesson05Data {
    /** Rows drawn; labeler B answered about a quarter of them. */
    public static final int ROWS = 20_000;

    private Lesson05Data() {}

    /** {@value #ROWS} targeted pairs with {@code label_a}, {@code label_b} (missing where B did not label) and {@code slice}. */
    public static Table pairs(long seed) {
        Table t = StudentDraw.world(seed)
                .features(Source.TARGETED, Period.TWO_MONTHS_AGO, ROWS)
                .copy()
                .setName("your double-labeled pairs");
        StringColumn slice = StringColumn.create("slice", t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            slice.set(
                    i,
                    t.stringColumn("intent").get(i) + " x "
                            + t.stringColumn("brand_rel").get(i));
        }
        t.addColumns(slice);
        return t;
    }

    /** Fewest double-labeled rows with a "show" from A or B for a slice's kappa to count: below, it is noise. */
    public static final int MIN_SHOWS = 30;

    /** Double-labeled rows where A or B (or both) said "show": the rows a kappa rests on. */
    public static long shows(AgreementReport agreement) {
        return agreement.compared() - agreement.confusion()[0][0];
    }

    /** Labeler A against labeler B in each slice, by slice name (sorted). */
    public static Map<String, AgreementReport> agreementBySlice(Table pairs) {
        Map<String, AgreementReport> out = new TreeMap<>();
        for (String s : new java.util.TreeSet<>(pairs.stringColumn("slice").asList())) {
            Table rows = pairs.where(pairs.stringColumn("slice").isEqualTo(s));
            out.put(s, LabelAgreement.between(rows, "label_a", "label_b"));
        }
        return out;
    }
}
