package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RunsAndLineageTest {
    @TempDir
    Path dir;

    private static Table ads(int rows) {
        int[] clicks = new int[rows];
        for (int i = 0; i < rows; i++) {
            clicks[i] = i % 3;
        }
        return Table.create("ads", IntColumn.create("clicks", clicks));
    }

    @Test
    @DisplayName("a recorded run keeps its params, metrics, data versions, model provenance and duration")
    void recordRun() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.snapshot(ads(10));
            Run run = journal.record(RunEntry.named("baseline")
                    .withParam("epochs", 5)
                    .withParam("lr", 0.1)
                    .withMetric("auc", 0.81)
                    .withData("ads")
                    .withModel("lr-1", "LinearSGDModel(epochs=5, lr=0.1)")
                    .withDuration(Duration.ofMillis(1500)));

            assertEquals("finished", run.status());
            assertEquals(Map.of("epochs", "5", "lr", "0.1"), run.params());
            assertEquals(Map.of("auc", 0.81), run.metrics());
            assertEquals(List.of("ads@1"), run.data());
            assertEquals(List.of("lr-1"), run.models());
            assertEquals(Duration.ofMillis(1500), run.duration());
            assertEquals(
                    "LinearSGDModel(epochs=5, lr=0.1)", journal.models().get(0).provenance());
            assertEquals(run.id(), journal.models().get(0).runId());
            assertEquals(
                    "run #1 baseline (finished, 1.5 s)  auc=0.8100  params epochs=5 lr=0.1  data ads@1  model lr-1",
                    run.toText());
        }
    }

    @Test
    @DisplayName("a Tribuo model's provenance is kept: trainer, its settings and the data source")
    void tribuoProvenance() {
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("ads sample", new LabelFactory()), new LabelFactory());
        for (int i = 0; i < 20; i++) {
            String label = i % 2 == 0 ? "show" : "skip";
            data.add(new ArrayExample<>(new Label(label), new String[] {"bid", "len"}, new double[] {i % 2, i / 20.0}));
        }
        Model<Label> model = new LogisticRegressionTrainer().train(data);

        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.record(RunEntry.named("tribuo").withModel("lr", model));

            String provenance = journal.models().get(0).provenance();
            assertTrue(
                    provenance.contains("LogisticRegressionTrainer") || provenance.contains("LinearSGDTrainer"),
                    provenance);
            assertTrue(provenance.contains("ads sample"), provenance);
        }
    }

    @Test
    @DisplayName("a run naming a dataset version that does not exist writes nothing at all")
    void badDataWritesNothing() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.snapshot(ads(10));

            JournalException e = assertThrows(
                    JournalException.class,
                    () -> journal.record(RunEntry.named("oops")
                            .withMetric("auc", 0.5)
                            .withData("ads@3")
                            .withModel("m", "")));

            assertTrue(
                    e.getMessage().endsWith("run 'oops': no dataset version ads@3; ads has versions 1 to 1"),
                    e.getMessage());
            assertEquals(List.of(), journal.runs());
            assertEquals(List.of(), journal.models());
        }
    }

    @Test
    @DisplayName("a metric that is not a finite number is refused before anything is written")
    void nonFiniteMetric() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RunEntry.named("r").withMetric("auc", Double.NaN));

        assertEquals("run 'r': metric 'auc' is NaN, not a finite number", e.getMessage());
    }

    @Test
    @DisplayName("an open run is written as it goes, stays running until finished, and times itself by the clock")
    void openRun() {
        Journal.open(dir.resolve("j.sqlite")).close(); // migrate first: the clock below stamps only the test
        StepClock clock = new StepClock(Instant.parse("2026-01-05T09:00:00Z"), Duration.ofSeconds(30));
        try (Journal journal =
                Journal.open(dir.resolve("j.sqlite"), JournalOptions.defaults().withClock(clock))) {
            journal.snapshot(ads(4)); // 09:00:00
            OpenRun open = journal.startRun("sgd"); // 09:00:30
            open.param("epochs", 3).uses("ads@1").metric("loss", 0.7);

            assertEquals("running", journal.run(open.id()).status());
            assertNull(journal.run(open.id()).duration());

            open.model("sgd-1", "provenance"); // 09:01:00
            open.finish(); // 09:01:30

            Run run = journal.run(open.id());
            assertEquals("finished", run.status());
            assertEquals(Duration.ofMinutes(1), run.duration());
            assertEquals(List.of("sgd-1"), run.models());
            JournalException twice = assertThrows(JournalException.class, open::finish);
            assertTrue(twice.getMessage().endsWith("run #1 'sgd': the run has already ended"), twice.getMessage());
        }
    }

    @Test
    @DisplayName("lineage follows each data version to the runs that used it, their models, metrics and deployments")
    void lineage() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.snapshot(ads(10));
            journal.record(RunEntry.named("baseline")
                    .withData("ads@1")
                    .withMetric("auc", 0.70)
                    .withModel("m1", "p1"));
            journal.snapshot(ads(20), "ads", "ads@1");
            journal.record(RunEntry.named("relabelled")
                    .withData("ads@2")
                    .withMetric("auc", 0.80)
                    .withModel("m2", "p2"));
            journal.deploy("m2", "prod", "after shadow week");
            journal.snapshot(ads(30), "ads", "ads@2");

            Lineage lineage = journal.lineage("ads");

            assertEquals(
                    List.of(
                            "ads@1 -> run #1 baseline -> model m1 -> auc=0.7000",
                            "ads@2 (from ads@1) -> run #2 relabelled -> model m2 -> auc=0.8000 -> deployed to prod",
                            "ads@3 (from ads@2) -> (no run yet)"),
                    List.of(lineage.toText().split("\n")));
            assertEquals("ads@2", lineage.toModel("m2").get(0).dataset());
            assertTrue(lineage.toHtml().contains("<td>ads@2 ← ads@1</td>"), lineage.toHtml());
            assertEquals(List.of(), journal.lineage("clicks").links());
        }
    }

    @Test
    @DisplayName("deploying an unknown model names the models that exist and writes nothing")
    void deployUnknownModel() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.model("m1", "p");

            JournalException e = assertThrows(JournalException.class, () -> journal.deploy("m9", "prod", null));

            assertTrue(e.getMessage().endsWith("deploy 'm9': there is no model 'm9' (known: m1)"), e.getMessage());
            assertEquals(List.of(), journal.deployments());
        }
    }

    @Test
    @DisplayName("runs compare side by side as a table, HTML and a chart, with the best run by a metric")
    void compareRuns() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.record(RunEntry.named("a")
                    .withParam("lr", 0.1)
                    .withMetric("auc", 0.7)
                    .withMetric("loss", 0.5));
            journal.record(RunEntry.named("b").withParam("lr", 0.01).withMetric("auc", 0.8));
            journal.record(RunEntry.named("c")
                    .withParam("epochs", 9)
                    .withMetric("auc", 0.75)
                    .withMetric("loss", 0.4));

            RunComparison all = journal.compareRuns();
            RunComparison two = journal.compareRuns(1, 3);

            assertEquals(
                    List.of("id", "run", "status", "data", "epochs", "lr", "auc", "loss"),
                    all.table().columnNames());
            assertTrue(all.table().doubleColumn("loss").isMissing(1), "run b has no loss");
            assertEquals("b", all.highest("auc").orElseThrow().name());
            assertEquals("c", all.lowest("loss").orElseThrow().name());
            assertEquals(List.of("a", "c"), two.runs().stream().map(Run::name).toList());
            assertTrue(all.toHtml().contains("<th>loss</th>"));
            CategoryChart chart = all.chart();
            assertEquals(2, chart.getSeriesMap().size(), "one series per metric");
            JournalException e = assertThrows(JournalException.class, () -> journal.compareRuns(7));
            assertTrue(e.getMessage().endsWith("compare runs: there is no run #7"));
        }
    }
}
