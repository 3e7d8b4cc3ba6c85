package org.mlcycle.toolkit.imbalance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/**
 * Per-class example weights, inverse to class frequency: {@code n / (K * n_k)} (scikit-learn's
 * "balanced"), so every class carries the same total weight and the weights average 1 over the rows.
 * Tribuo's SGD, CART and XGBoost trainers read per-example weights; {@link #applyTo(Dataset)} sets them.
 */
public record ClassWeights(String label, Map<String, Double> weights) implements Rendered {

    public ClassWeights {
        weights = Map.copyOf(weights);
    }

    /** Inverse-frequency weights of the classes of {@code label} in {@code train}. */
    public static ClassWeights inverseFrequency(Table train, String label) {
        ImbalanceReport counts = Imbalance.of(train, label);
        long n = counts.rows();
        int k = counts.classes().size();
        Map<String, Double> w = new LinkedHashMap<>();
        for (ImbalanceReport.ClassCount c : counts.classes()) w.put(c.name(), (double) n / (k * c.count()));
        return new ClassWeights(label, w);
    }

    /** The weight of class {@code name}. */
    public double of(String name) {
        Double w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException(String.format(
                    "class weights: no weight for class '%s' (has: %s)",
                    name, String.join(", ", new java.util.TreeSet<>(weights.keySet()))));
        }
        return w;
    }

    /** Sets every example's weight to its class's weight; returns the same dataset. */
    public <D extends Dataset<Label>> D applyTo(D dataset) {
        Require.that(dataset != null, "class weights", "the dataset is null");
        for (Example<Label> e : dataset) e.setWeight((float) of(e.getOutput().getLabel()));
        return dataset;
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(language, "report.classWeights.headline", label, weights.size());
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(headline("en"));
        new java.util.TreeMap<>(weights)
                .forEach((c, w) ->
                        s.append(System.lineSeparator()).append(String.format(Locale.ROOT, "  %-16s %.4f", c, w)));
        return s.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        new java.util.TreeMap<>(weights).forEach((c, w) -> rows.add(List.of(c, String.format(Locale.ROOT, "%.4f", w))));
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(Html.headers("report.classWeights.", "class", "weight"), rows));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("label", label);
        r.put("weights", new LinkedHashMap<>(new java.util.TreeMap<>(weights)));
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
