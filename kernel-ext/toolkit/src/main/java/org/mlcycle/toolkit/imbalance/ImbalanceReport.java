package org.mlcycle.toolkit.imbalance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Class counts of a label column, largest first. The verdict leads with the accuracy a model gets by
 * always predicting the majority class. A table is called imbalanced when the rarest class's share is
 * below 0.1 x 1/K (cleanlab's class-imbalance check) or the rarest-to-largest ratio is below 0.1
 * (Deepchecks').
 */
public record ImbalanceReport(String label, List<ClassCount> classes) implements Rendered {

    /** One class with its row count and share. */
    public record ClassCount(String name, long count, double share) {}

    public ImbalanceReport {
        classes = List.copyOf(classes);
    }

    public long rows() {
        return classes.stream().mapToLong(ClassCount::count).sum();
    }

    public ClassCount majority() {
        return classes.get(0);
    }

    public ClassCount minority() {
        return classes.get(classes.size() - 1);
    }

    /** Accuracy of always predicting the majority class. */
    public double majorityAccuracy() {
        return majority().share();
    }

    /** Rarest class count / largest class count. */
    public double ratio() {
        return (double) minority().count() / majority().count();
    }

    public boolean isImbalanced() {
        int k = classes.size();
        return k > 1 && (minority().share() < 0.1 / k || ratio() < 0.1);
    }

    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for the HTML headline. */
    private String verdict(String language) {
        if (classes.size() == 1) {
            return Messages.in(language, "report.imbalance.oneClass", majority().name(), rows());
        }
        return Messages.in(
                language,
                "report.imbalance.headline",
                Messages.in(language, isImbalanced() ? "report.imbalance.imbalanced" : "report.imbalance.balanced"),
                minority().name(),
                pct(minority().share()),
                rows(),
                1 / ratio(),
                majority().name(),
                pct(majorityAccuracy()),
                isImbalanced() ? Messages.in(language, "report.imbalance.advice") : "");
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, share >= 0.01 ? "%.2f%%" : "%.4f%%", 100 * share);
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        for (ClassCount c : classes) {
            s.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "  %-16s %10d  %s", c.name(), c.count(), pct(c.share())));
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (ClassCount c : classes) {
            rows.add(List.of(c.name(), c.count(), pct(c.share())));
        }
        StringBuilder bars = new StringBuilder();
        for (ClassCount c : classes) {
            bars.append("<div style=\"margin:2px 0\"><span style=\"display:inline-block;width:120px\">")
                    .append(Html.escape(c.name()))
                    .append("</span><span style=\"display:inline-block;height:10px;background:#4a78b5;width:")
                    .append(Math.max(1, Math.round(300 * c.share())))
                    .append("px\"></span></div>");
        }
        String headline = verdict(Messages.language());
        return Html.translatedReport(
                headline,
                Html.table(Html.headers("report.imbalance.", "class", "rows", "share"), rows),
                Messages.rightToLeft() ? "<div dir=\"ltr\">" + bars + "</div>" : bars.toString());
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("label", label);
        r.put("rows", rows());
        r.put("imbalanced", isImbalanced());
        r.put("majority_accuracy", majorityAccuracy());
        r.put("ratio", ratio());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (ClassCount c : classes) counts.put(c.name(), c.count());
        r.put("counts", counts);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
