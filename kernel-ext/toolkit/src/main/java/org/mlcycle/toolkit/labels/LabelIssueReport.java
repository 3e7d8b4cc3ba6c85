package org.mlcycle.toolkit.labels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The rows confident learning suspects of a wrong label, most suspicious first, with the numbers that
 * led there: per-class thresholds, the confident joint (rows by given label and confident class) and
 * its calibrated form. {@code rows} is the size of the table searched; issue rows index into it.
 * {@code source} says where the probabilities came from; {@code rocAuc} is their out-of-fold ROC-AUC
 * for the last class (NaN when not computed).
 */
public record LabelIssueReport(
        List<String> classes,
        int rows,
        double[] thresholds,
        long[][] confidentJoint,
        double[][] calibratedJoint,
        List<LabelIssue> issues,
        String source,
        double rocAuc)
        implements Rendered {

    /** Rows shown in text and HTML; {@link #issues()} holds them all. */
    static final int SHOWN = 20;

    public LabelIssueReport {
        classes = List.copyOf(classes);
        issues = List.copyOf(issues);
        thresholds = thresholds.clone();
        confidentJoint = deep(confidentJoint);
        calibratedJoint = deep(calibratedJoint);
        Objects.requireNonNull(source, "source");
    }

    private static long[][] deep(long[][] a) {
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public long[][] confidentJoint() {
        return deep(confidentJoint);
    }

    @Override
    public double[][] calibratedJoint() {
        return deep(calibratedJoint);
    }

    /** Flagged row indices, most suspicious first. */
    public int[] flaggedRows() {
        return issues.stream().mapToInt(LabelIssue::row).toArray();
    }

    /** Scores the detector against known wrong rows: {@code trulyWrong[i]} is true where row i's label is wrong. */
    public DetectionScore score(boolean[] trulyWrong) {
        Require.that(
                trulyWrong.length == rows,
                "label issues",
                "the truth has %d rows but the search ran on %d",
                trulyWrong.length,
                rows);
        long wrong = 0, found = 0;
        for (boolean w : trulyWrong) if (w) wrong++;
        for (LabelIssue issue : issues) if (trulyWrong[issue.row()]) found++;
        return new DetectionScore(issues.size(), wrong, found);
    }

    /** Scores against a 0/1 or boolean column of {@code table} ("1" or "true" = the label is wrong). */
    public DetectionScore score(Table table, String truthColumn) {
        Column<?> c = Require.column(table, truthColumn, "label issues");
        boolean[] wrong = new boolean[table.rowCount()];
        for (int i = 0; i < wrong.length; i++) {
            String v = LabelColumn.isMissing(c, i) ? "" : c.getString(i);
            wrong[i] = v.equals("1") || v.equalsIgnoreCase("true");
        }
        return score(wrong);
    }

    /** The verdict line. */
    public String verdict() {
        return String.format(
                Locale.ROOT,
                "label issues: %d of %d rows (%.2f%%) look mislabelled; %s",
                issues.size(),
                rows,
                rows == 0 ? 0.0 : 100.0 * issues.size() / rows,
                source);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict()).append(System.lineSeparator());
        s.append("  thresholds (mean self-confidence):");
        for (int k = 0; k < classes.size(); k++)
            s.append(' ').append(classes.get(k)).append('=').append(fmt(thresholds[k]));
        s.append(System.lineSeparator()).append("  confident joint (given x confident):");
        for (int i = 0; i < classes.size(); i++) {
            s.append(System.lineSeparator())
                    .append("    ")
                    .append(classes.get(i))
                    .append(": ");
            for (int j = 0; j < classes.size(); j++)
                s.append(j == 0 ? "" : ", ").append(confidentJoint[i][j]);
        }
        s.append(System.lineSeparator()).append("  most suspicious rows (row: given -> suggested, self-confidence):");
        for (LabelIssue issue : issues.subList(0, Math.min(SHOWN, issues.size()))) {
            s.append(System.lineSeparator())
                    .append(String.format(
                            Locale.ROOT,
                            "    %d: %s -> %s, %s",
                            issue.row(),
                            issue.given(),
                            issue.suggested(),
                            fmt(issue.selfConfidence())));
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> joint = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(classes.get(i));
            for (int j = 0; j < classes.size(); j++)
                row.add(confidentJoint[i][j] + " (" + fmt(calibratedJoint[i][j]) + ")");
            joint.add(row);
        }
        List<String> head = new ArrayList<>(List.of(Messages.get("report.labelIssues.givenConfident")));
        head.addAll(classes);
        List<List<?>> top = new ArrayList<>();
        for (LabelIssue issue : issues.subList(0, Math.min(SHOWN, issues.size()))) {
            top.add(List.of(issue.row(), issue.given(), issue.suggested(), fmt(issue.selfConfidence())));
        }
        String headline = Messages.get(
                "report.labelIssues.headline",
                issues.size(),
                rows,
                rows == 0 ? 0.0 : 100.0 * issues.size() / rows,
                source);
        return Html.translatedReport(
                headline,
                "<p style=\"margin:4px 0\">" + Html.escape(Messages.get("report.labelIssues.joint")) + "</p>",
                Html.table(head, joint),
                "<p style=\"margin:4px 0\">" + Html.escape(Messages.get("report.labelIssues.suspicious")) + "</p>",
                Html.table(Html.headers("report.labelIssues.", "row", "given", "suggested", "selfConfidence"), top));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", rows);
        r.put("classes", classes);
        r.put("flagged", issues.size());
        r.put("source", source);
        r.put("roc_auc", rocAuc);
        List<Double> t = new ArrayList<>();
        for (double v : thresholds) t.add(v);
        r.put("thresholds", t);
        List<List<Long>> cj = new ArrayList<>();
        for (long[] row : confidentJoint) {
            List<Long> l = new ArrayList<>();
            for (long v : row) l.add(v);
            cj.add(l);
        }
        r.put("confident_joint", cj);
        List<Integer> ranked = new ArrayList<>();
        for (LabelIssue issue : issues) ranked.add(issue.row());
        r.put("ranked_rows", ranked);
        return r;
    }

    /** Rows flagged here and also in {@code other} (for comparing two runs). */
    public Set<Integer> overlap(LabelIssueReport other) {
        Set<Integer> mine = new HashSet<>();
        for (LabelIssue i : issues) mine.add(i.row());
        Set<Integer> both = new HashSet<>();
        for (LabelIssue i : other.issues) if (mine.contains(i.row())) both.add(i.row());
        return both;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
