package org.mlcycle.toolkit.labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Two labelers compared: {@code confusion[i][j]} counts rows the first labelled {@code classes[i]}
 * and the second {@code classes[j]}; observed agreement p_o is the diagonal share; chance agreement
 * p_e = sum over classes of (first's share x second's share); kappa = (p_o - p_e) / (1 - p_e), NaN
 * when p_e = 1 (both used one single class). {@code skipped} rows lacked a label from either.
 */
public record AgreementReport(
        String first,
        String second,
        List<String> classes,
        long[][] confusion,
        List<Disagreement> disagreements,
        int skipped)
        implements Rendered {

    static final int SHOWN = 20;

    public AgreementReport {
        classes = List.copyOf(classes);
        disagreements = List.copyOf(disagreements);
        long[][] c = new long[confusion.length][];
        for (int i = 0; i < c.length; i++) c[i] = confusion[i].clone();
        confusion = c;
    }

    @Override
    public long[][] confusion() {
        long[][] c = new long[confusion.length][];
        for (int i = 0; i < c.length; i++) c[i] = confusion[i].clone();
        return c;
    }

    /** Rows both labelled. */
    public long compared() {
        long n = 0;
        for (long[] row : confusion) for (long v : row) n += v;
        return n;
    }

    public double observedAgreement() {
        long n = compared(), agree = 0;
        for (int i = 0; i < confusion.length; i++) agree += confusion[i][i];
        return n == 0 ? Double.NaN : (double) agree / n;
    }

    public double chanceAgreement() {
        long n = compared();
        if (n == 0) return Double.NaN;
        double pe = 0;
        for (int k = 0; k < confusion.length; k++) {
            long row = 0, col = 0;
            for (int j = 0; j < confusion.length; j++) {
                row += confusion[k][j];
                col += confusion[j][k];
            }
            pe += ((double) row / n) * ((double) col / n);
        }
        return pe;
    }

    public double kappa() {
        double po = observedAgreement(), pe = chanceAgreement();
        return pe == 1 || Double.isNaN(pe) ? Double.NaN : (po - pe) / (1 - pe);
    }

    /** Landis and Koch's words for a kappa value, the scale most readers know, in the learner's language. */
    public String strength() {
        return Messages.get(strengthKey());
    }

    private String strengthKey() {
        double k = kappa();
        if (Double.isNaN(k)) return "kappa.undefined";
        if (k < 0) return "kappa.worse";
        if (k <= 0.2) return "kappa.slight";
        if (k <= 0.4) return "kappa.fair";
        if (k <= 0.6) return "kappa.moderate";
        if (k <= 0.8) return "kappa.substantial";
        return "kappa.almostPerfect";
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    public String verdict() {
        return String.format(
                Locale.ROOT,
                "label agreement: kappa %s (%s), '%s' and '%s' agree on %s of %d rows; %d disagree%s",
                fmt(kappa()),
                Messages.in("en", strengthKey()), // the verdict line is English throughout
                first,
                second,
                fmt(observedAgreement()),
                compared(),
                disagreements.size(),
                skipped == 0 ? "" : ", " + skipped + " rows without both labels left out");
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict()).append(System.lineSeparator());
        s.append("  confusion (rows: ")
                .append(first)
                .append(", columns: ")
                .append(second)
                .append(')');
        for (int i = 0; i < classes.size(); i++) {
            s.append(System.lineSeparator())
                    .append("    ")
                    .append(classes.get(i))
                    .append(':');
            for (long v : confusion[i]) s.append(' ').append(v);
        }
        if (!disagreements.isEmpty()) s.append(System.lineSeparator()).append("  disagreements (row: first / second):");
        for (Disagreement d : disagreements.subList(0, Math.min(SHOWN, disagreements.size()))) {
            s.append(System.lineSeparator())
                    .append("    ")
                    .append(d.row())
                    .append(": ")
                    .append(d.first())
                    .append(" / ")
                    .append(d.second());
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        List<String> head = new ArrayList<>(List.of(first + " \\ " + second));
        head.addAll(classes);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(classes.get(i));
            for (long v : confusion[i]) row.add(v);
            rows.add(row);
        }
        List<List<?>> dis = new ArrayList<>();
        for (Disagreement d : disagreements.subList(0, Math.min(SHOWN, disagreements.size()))) {
            dis.add(List.of(d.row(), d.first(), d.second()));
        }
        String headline = Messages.get(
                "report.agreement.headline",
                fmt(kappa()),
                Messages.get(strengthKey()),
                first,
                second,
                fmt(observedAgreement()),
                compared(),
                disagreements.size(),
                skipped == 0 ? "" : Messages.get("report.agreement.skipped", skipped));
        return Html.translatedReport(
                headline,
                Html.table(head, rows),
                "<p style=\"margin:4px 0\">" + Html.escape(Messages.get("report.agreement.disagreements")) + "</p>",
                Html.table(List.of(Messages.get("report.agreement.row"), first, second), dis));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("first", first);
        r.put("second", second);
        r.put("classes", classes);
        r.put("compared", compared());
        r.put("skipped", skipped);
        r.put("observed_agreement", observedAgreement());
        r.put("chance_agreement", chanceAgreement());
        r.put("kappa", kappa());
        List<List<Long>> c = new ArrayList<>();
        for (long[] row : confusion) {
            List<Long> l = new ArrayList<>();
            for (long v : row) l.add(v);
            c.add(l);
        }
        r.put("confusion", c);
        List<Integer> rows = new ArrayList<>();
        for (Disagreement d : disagreements) rows.add(d.row());
        r.put("disagreeing_rows", rows);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
