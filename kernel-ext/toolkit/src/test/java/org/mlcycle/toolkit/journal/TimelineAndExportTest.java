package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TimelineAndExportTest {
    @TempDir
    Path dir;

    private Journal journalWithStory() {
        Path file = dir.resolve("j.sqlite");
        Journal.open(file).close(); // create and migrate first, so the clock below stamps only the story
        StepClock clock = new StepClock(Instant.parse("2026-01-05T09:00:00Z"), Duration.ofMinutes(1));
        Journal journal = Journal.open(file, JournalOptions.defaults().withClock(clock));
        journal.stage(Stage.SCOPING, "ads"); // 09:00
        journal.objective("impressions"); // 09:01
        journal.stage(Stage.DATA, ""); // 09:02
        journal.snapshot(Table.create("ads", IntColumn.create("clicks", 1, 0, 2))); // 09:03
        journal.record(RunEntry.named("baseline, first")
                .withData("ads@1")
                .withMetric("auc", 0.7)
                .withModel("m1", "SGD \"linear\"\nepochs=5")); // run 09:04, model 09:05
        journal.deploy("m1", "prod", null); // 09:06
        journal.alert("drift", "critical", "PSI 0.3"); // 09:07
        journal.objective("click-through rate"); // 09:08
        return journal;
    }

    @Test
    @DisplayName("the timeline lists every kind of record oldest first, and --last keeps the newest")
    void timeline() {
        try (Journal journal = journalWithStory()) {
            Timeline all = journal.timeline(0);
            Timeline last2 = journal.timeline(2);

            assertEquals(
                    List.of("stage", "objective", "stage", "dataset", "run", "model", "deployment", "alert", "pivot"),
                    all.events().stream().map(Timeline.Event::kind).toList());
            assertEquals(
                    "2026-01-05 09:00:00  stage       scoping: ads",
                    all.toText().split("\n")[0]);
            assertEquals(
                    List.of("alert", "pivot"),
                    last2.events().stream().map(Timeline.Event::kind).toList());
            assertTrue(all.toHtml().contains("<td>m1 -&gt; prod</td>"), all.toHtml());
        }
    }

    @Test
    @DisplayName("export to .json writes every record as valid JSON, quotes and newlines included")
    void exportJson() throws Exception {
        Path target = dir.resolve("out/journal.json");
        try (Journal journal = journalWithStory()) {
            journal.export(target);
        }

        String json = Files.readString(target);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            assertEquals("1", sql(c, "SELECT json_valid(?)", json));
            assertEquals("0.7", sql(c, "SELECT json_extract(?, '$.runs[0].metrics.auc')", json));
            assertEquals("SGD \"linear\"\nepochs=5", sql(c, "SELECT json_extract(?, '$.models[0].provenance')", json));
            assertEquals("click-through rate", sql(c, "SELECT json_extract(?, '$.objectives[1].metric')", json));
            assertEquals("impressions", sql(c, "SELECT json_extract(?, '$.objectives[1].previousMetric')", json));
            assertEquals("ads@1", sql(c, "SELECT json_extract(?, '$.runs[0].data[0]')", json));
            assertEquals(String.valueOf(Migration.latest()), sql(c, "SELECT json_extract(?, '$.schemaVersion')", json));
        }
    }

    @Test
    @DisplayName("export to .csv writes the timeline that a CSV reader reads back, commas included")
    void exportCsv() throws Exception {
        Path target = dir.resolve("journal.csv");
        try (Journal journal = journalWithStory()) {
            journal.export(target);
        }

        Table back = Table.read().csv(target.toFile());

        assertEquals(List.of("at", "kind", "summary"), back.columnNames());
        assertEquals(9, back.rowCount());
        assertEquals(
                "#1 baseline, first (finished)", back.stringColumn("summary").get(4));
    }

    @Test
    @DisplayName("export to another extension is refused and writes no file")
    void exportUnknownFormat() {
        try (Journal journal = journalWithStory()) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> journal.export(dir.resolve("journal.txt")));

            assertEquals("export: '" + dir.resolve("journal.txt") + "' must end in .json or .csv", e.getMessage());
            assertFalse(Files.exists(dir.resolve("journal.txt")));
        }
    }

    private static String sql(Connection c, String query, String arg) throws Exception {
        try (PreparedStatement p = c.prepareStatement(query)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
