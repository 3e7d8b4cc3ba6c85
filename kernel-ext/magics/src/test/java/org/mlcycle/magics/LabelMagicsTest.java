package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.OutOfFold;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.imbalance.ImbalanceReport;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.labels.LabelIssueReport;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LabelMagicsTest {
    private final VariablesKernel kernel = VariablesKernel.mlcycle();

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    /**
     * 200 ads whose click is exactly "score above 0", except rows 0 and 1, whose labels are
     * flipped at the far ends of the score: the two rows any label-noise detector should name.
     */
    static Table clicks() {
        int n = 200;
        double[] score = new double[n];
        int[] clicked = new int[n];
        for (int i = 0; i < n; i++) {
            score[i] = -3 + 6.0 * i / (n - 1);
            clicked[i] = score[i] > 0 ? 1 : 0;
        }
        clicked[0] = 1; // score -3
        clicked[n - 1] = 0; // score 3
        score[1] = score[n - 1];
        clicked[1] = 0;
        return Table.create("clicks", DoubleColumn.create("score", score), IntColumn.create("clicked", clicked));
    }

    @Test
    @DisplayName("%agreement compares two labelers' columns: kappa and the rows they disagree on")
    void agreement() throws Exception {
        kernel.with(
                "labels",
                Table.create(
                        "labels",
                        StringColumn.create("ann", "x", "x", "y", "y"),
                        StringColumn.create("bob", "x", "y", "y", "y")));

        AgreementReport report =
                assertInstanceOf(AgreementReport.class, kernel.line("agreement", "labels", "ann", "bob"));

        // observed 3/4; chance 1/2 x 1/4 + 1/2 x 3/4 = 1/2; kappa (3/4 - 1/2) / (1 - 1/2)
        assertEquals(0.5, report.kappa(), 1e-12);
        assertEquals(1, report.disagreements().size());
        assertEquals(1, report.disagreements().get(0).row());
    }

    @Test
    @DisplayName("%label_issues names the rows whose label contradicts the feature")
    void labelIssuesOnATable() throws Exception {
        kernel.with("train", clicks());

        LabelIssueReport report = assertInstanceOf(
                LabelIssueReport.class,
                kernel.line("label_issues", "train", "clicked", "--numeric", "score", "--folds", "4"));

        int[] flagged = report.flaggedRows();
        assertTrue(
                Arrays.stream(flagged).anyMatch(r -> r == 0)
                        && Arrays.stream(flagged).anyMatch(r -> r == 199),
                Arrays.toString(flagged));
        assertTrue(report.source().contains("4 stratified folds"), report.source());
    }

    @Test
    @DisplayName("%label_issues --split searches the training rows only, in the rows of the whole table")
    void labelIssuesOnASplit() throws Exception {
        Table all = clicks();
        kernel.with("all", all).with("split", Splits.stratified(all, "clicked", 0.25, 7));

        LabelIssueReport report = (LabelIssueReport)
                kernel.line("label_issues", "all", "clicked", "--numeric", "score", "--split", "split");

        assertEquals(200, report.rows());
        assertTrue(report.source().contains("training rows of"), report.source());
    }

    @Test
    @DisplayName("%label_issues on out-of-fold probabilities made in the notebook needs nothing else")
    void labelIssuesOnOutOfFoldProbabilities() throws Exception {
        Table train = clicks();
        FeatureOptions features = FeatureOptions.of("clicked", List.of("score"), List.of());
        kernel.with(
                "oof",
                OutOfFold.probabilities(
                        train,
                        features,
                        Splits.stratifiedKFold(train, "clicked", 3, 1),
                        new LogisticRegressionTrainer()));

        LabelIssueReport report = assertInstanceOf(LabelIssueReport.class, kernel.line("label_issues", "oof"));

        assertTrue(report.source().startsWith("out-of-fold probabilities from 3 stratified folds"), report.source());
        assertTrue(Arrays.stream(report.flaggedRows()).anyMatch(r -> r == 0), Arrays.toString(report.flaggedRows()));
        IllegalArgumentException extra =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("label_issues", "oof", "clicked"));
        assertEquals(
                "'oof' holds out-of-fold probabilities already; give it alone; usage: " + LabelMagics.ISSUES_USAGE,
                extra.getMessage());
    }

    @Test
    @DisplayName("%label_issues explains what it needs: a label column, a table, known options")
    void labelIssuesErrors() {
        kernel.with("train", clicks()).with("n", 5);

        IllegalArgumentException noLabel = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("label_issues", "train", "--numeric", "score"));
        IllegalArgumentException notTable =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("label_issues", "n", "clicked"));
        IllegalArgumentException noFeatures =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("label_issues", "train", "clicked"));

        assertEquals("name the label column after the table; usage: " + LabelMagics.ISSUES_USAGE, noLabel.getMessage());
        assertEquals("'n' is Integer, not a Tablesaw Table or OutOfFoldProbabilities", notTable.getMessage());
        assertEquals("features: name at least one numeric or categorical column", noFeatures.getMessage());
    }

    @Test
    @DisplayName("%imbalance shows class shares and the accuracy of always answering the majority")
    void imbalance() throws Exception {
        kernel.with("ads", Table.create("ads", IntColumn.create("clicked", 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)));

        ImbalanceReport report = assertInstanceOf(ImbalanceReport.class, kernel.line("imbalance", "ads", "clicked"));

        assertEquals("0", report.majority().name());
        assertEquals(0.9, report.majorityAccuracy(), 1e-12);
        assertEquals(
                List.of("0", "1"), report.classes().stream().map(c -> c.name()).toList());
        IllegalArgumentException usage =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("imbalance", "ads"));
        assertTrue(
                usage.getMessage().startsWith("missing LABEL; usage: %imbalance TABLE LABEL  — "), usage.getMessage());
    }
}
