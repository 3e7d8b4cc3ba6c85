package org.mlcycle.toolkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.Table;

class ServingModelTest {

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    @Test
    void aLoadedModelScoresYesterdaysRowsExactlyAsTheTrainedOne(@TempDir Path dir) throws Exception {
        Table train = FeaturesTest.separable(200, 7);
        ServingModel trained = ServingModel.train(train, FeaturesTest.OPTIONS, new LogisticRegressionTrainer());
        Path file = dir.resolve("model.bin");
        trained.save(file);
        ServingModel loaded = ServingModel.load(file);
        Table yesterday = FeaturesTest.separable(30, 8).removeColumns("clicked");
        yesterday.stringColumn("device").set(0, "smart-tv"); // unseen in training: "(other)" on both sides
        assertEquals(trained.spec().contentHash(), loaded.spec().contentHash());
        assertEquals(
                trained.predict(yesterday).doubleColumn("p_1").asList(),
                loaded.predict(yesterday).doubleColumn("p_1").asList());
    }
}
