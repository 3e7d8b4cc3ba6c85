package org.mlcycle.magics;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.OutOfFoldProbabilities;
import org.mlcycle.toolkit.imbalance.Imbalance;
import org.mlcycle.toolkit.labels.LabelAgreement;
import org.mlcycle.toolkit.labels.LabelIssueOptions;
import org.mlcycle.toolkit.labels.LabelIssues;
import org.mlcycle.toolkit.split.Split;
import tech.tablesaw.api.Table;

/**
 * The label magics: {@code %agreement} between two labelers, {@code %label_issues} by confident
 * learning, {@code %imbalance} of a label column. Thin: parse the arguments, call
 * {@link LabelAgreement}, {@link LabelIssues} or {@link Imbalance}, return the report.
 */
public final class LabelMagics {
    static final String AGREEMENT_USAGE = "%agreement TABLE FIRST SECOND  — two labelers' columns, row by row";
    static final String ISSUES_USAGE = "%label_issues TABLE LABEL (--numeric COL,... | --categorical COL,...)"
            + " [--folds 5] [--seed 0] [--split SPLIT]  — or %label_issues OOF for out-of-fold probabilities";
    static final String IMBALANCE_USAGE =
            "%imbalance TABLE LABEL  — how rare each class of LABEL is, and what that means for metrics";

    private static final Usage AGREEMENT = new Usage(
            AGREEMENT_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .required("first")
                    .required("second")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage ISSUES = new Usage(
            ISSUES_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .optional("label")
                    .keyword("numeric")
                    .keyword("categorical")
                    .keyword("folds", KeywordSpec.REPLACE)
                    .keyword("seed", KeywordSpec.REPLACE)
                    .keyword("split", KeywordSpec.REPLACE)
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage IMBALANCE = new Usage(
            IMBALANCE_USAGE,
            MagicsArgs.builder()
                    .required("table")
                    .required("label")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private LabelMagics() {}

    /** Registers {@code %agreement}, {@code %label_issues} and {@code %imbalance}. */
    static void register(MagicSet magics) {
        magics.line(MagicSpec.line("agreement", 3, AGREEMENT_USAGE), LabelMagics::agreement);
        magics.line(MagicSpec.line("label_issues", 1, ISSUES_USAGE), LabelMagics::issues);
        magics.line(MagicSpec.line("imbalance", 2, IMBALANCE_USAGE), LabelMagics::imbalance);
    }

    /** {@code %agreement ads labeler_a labeler_b}: confusion, Cohen's kappa and the rows they disagree on. */
    static Object agreement(Notebook nb, List<String> args) {
        Map<String, List<String>> a = AGREEMENT.parse(args);
        Table table = Variables.table(nb, a.get("table").get(0));
        return nb.result(LabelAgreement.between(
                table, a.get("first").get(0), a.get("second").get(0)));
    }

    /**
     * {@code %label_issues train clicked --numeric age --categorical device}: stratified out-of-fold
     * probabilities, then confident learning; with {@code --split}, the split's training rows only.
     */
    static Object issues(Notebook nb, List<String> args) {
        Map<String, List<String>> a = ISSUES.parse(args);
        String source = a.get("table").get(0);
        String label = Usage.one(a, "label", null);
        Object value = Variables.value(nb, source);
        if (value instanceof OutOfFoldProbabilities oof) {
            boolean more = label != null
                    || List.of("numeric", "categorical", "folds", "seed", "split").stream()
                            .anyMatch(k -> Usage.has(a, k));
            if (more) {
                throw ISSUES.fail("'" + source + "' holds out-of-fold probabilities already; give it alone");
            }
            return nb.result(LabelIssues.find(oof));
        }
        if (!(value instanceof Table table)) {
            throw Variables.notA(source, value, "a Tablesaw Table or OutOfFoldProbabilities");
        }
        if (label == null) {
            throw ISSUES.fail("name the label column after the table");
        }
        FeatureOptions features =
                FeatureOptions.of(label, List.of(Usage.list(a, "numeric")), List.of(Usage.list(a, "categorical")));
        LabelIssueOptions defaults = LabelIssueOptions.defaults();
        LabelIssueOptions options = defaults.withFolds(ISSUES.wholeNumber(a, "folds", defaults.folds()))
                .withSeed(ISSUES.wholeNumber(a, "seed", (int) defaults.seed()));
        String split = Usage.one(a, "split", null);
        return nb.result(
                split == null
                        ? LabelIssues.find(table, features, options)
                        : LabelIssues.find(table, Variables.of(nb, split, Split.class, "a Split"), features, options));
    }

    /** {@code %imbalance ads clicked}: class shares and the accuracy of always answering the majority. */
    static Object imbalance(Notebook nb, List<String> args) {
        Map<String, List<String>> a = IMBALANCE.parse(args);
        Table table = Variables.table(nb, a.get("table").get(0));
        return nb.result(Imbalance.of(table, a.get("label").get(0)));
    }
}
