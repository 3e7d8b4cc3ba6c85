package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.metrics.MulticlassReport;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MulticlassEvaluateTest {
    private final VariablesKernel kernel = VariablesKernel.mlcycle();

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    /** 300 rows of three classes, each around its own centre on x and y. */
    static Table threeClasses() {
        Random r = new Random(3);
        StringColumn kind = StringColumn.create("kind");
        DoubleColumn x = DoubleColumn.create("x"), y = DoubleColumn.create("y");
        String[] names = {"car", "bus", "bike"};
        double[][] centre = {{0, 0}, {3, 0}, {0, 3}};
        for (int i = 0; i < 300; i++) {
            int k = i % 3;
            kind.append(names[k]);
            x.append(centre[k][0] + r.nextGaussian());
            y.append(centre[k][1] + r.nextGaussian());
        }
        return Table.create("vehicles", kind, x, y);
    }

    @Test
    @DisplayName("%evaluate on a three-class model reports every class, not one against the rest")
    void evaluateAMulticlassModel() throws Exception {
        Table train = threeClasses();
        ServingModel model = ServingModel.train(
                train, FeatureOptions.of("kind", List.of("x", "y"), List.of()), new LogisticRegressionTrainer());
        kernel.with("model", model).with("train", train);

        MulticlassReport report = assertInstanceOf(MulticlassReport.class, kernel.line("evaluate", "model", "train"));

        assertEquals(List.of("bike", "bus", "car"), report.classes());
        assertEquals(300, report.n());
        assertEquals(100, report.support("bus"));
        assertTrue(report.accuracy() > 0.8, "accuracy " + report.accuracy());
        assertTrue(report.logLoss() > 0 && report.logLoss() < 1, "log-loss " + report.logLoss());
        IllegalArgumentException plots = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("evaluate", "model", "train", "--plots"));
        assertTrue(plots.getMessage().contains("has 3 classes"), plots.getMessage());
    }
}
