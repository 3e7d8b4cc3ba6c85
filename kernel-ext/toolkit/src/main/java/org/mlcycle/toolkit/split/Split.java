package org.mlcycle.toolkit.split;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

/**
 * A train/test split as row indices into a table of {@code rows} rows, with how it was made. Row
 * indices are kept in ascending order, so each part keeps the table's row order (time order, if the
 * table is sorted by time). {@link #test(Table)} marks the table it returns as a test set.
 */
public record Split(String method, int rows, int[] trainRows, int[] testRows, String how) implements Rendered {

    public Split {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(how, "how");
        trainRows = trainRows.clone();
        testRows = testRows.clone();
    }

    @Override
    public int[] trainRows() {
        return trainRows.clone();
    }

    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    /** The training rows of {@code table}, which must be the table (or a same-sized copy) the split was made on. */
    public Table train(Table table) {
        check(table);
        Table t = table.rows(trainRows);
        t.setName(table.name() + " (train)");
        return t;
    }

    /** The test rows of {@code table}; the returned table is remembered as a test set. */
    public Table test(Table table) {
        check(table);
        Table t = table.rows(testRows);
        t.setName(table.name() + " (test)");
        return TestSets.mark(t);
    }

    private void check(Table table) {
        if (table == null || table.rowCount() != rows) {
            throw new IllegalArgumentException(String.format(
                    "split: made on %d rows, but table '%s' has %s",
                    rows, table == null ? "null" : table.name(), table == null ? "none" : table.rowCount()));
        }
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(language, "report.split.headline", method, rows, trainRows.length, testRows.length, how);
    }

    @Override
    public String toText() {
        return headline("en");
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(
                        Html.headers("report.split.", "part", "rows", "share"),
                        List.of(
                                List.of(Messages.get("report.split.train"), trainRows.length, share(trainRows.length)),
                                List.of(Messages.get("report.split.test"), testRows.length, share(testRows.length)))));
    }

    private String share(int part) {
        return rows == 0 ? "-" : String.format(Locale.ROOT, "%.4f", (double) part / rows);
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", method);
        r.put("how", how);
        r.put("rows", rows);
        r.put("train", trainRows.length);
        r.put("test", testRows.length);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s
                && method.equals(s.method)
                && rows == s.rows
                && how.equals(s.how)
                && Arrays.equals(trainRows, s.trainRows)
                && Arrays.equals(testRows, s.testRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rows, how, Arrays.hashCode(trainRows), Arrays.hashCode(testRows));
    }

    @Override
    public String toString() {
        return toText();
    }
}
