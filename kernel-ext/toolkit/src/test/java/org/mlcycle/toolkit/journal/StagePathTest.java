package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

class StagePathTest {
    @TempDir
    Path dir;

    /** The ad-prediction story: relabel, collect positives, collect recent data, deploy, pivot, start over. */
    private static void adStory(Journal journal) {
        journal.stage(Stage.SCOPING, "predict whether to show an ad");
        journal.objective("impressions");
        journal.stage(Stage.DATA, "collect and label");
        journal.stage(Stage.DEVELOPMENT, "features, train");
        journal.stage(Stage.DATA, "wrong labels: relabel");
        journal.stage(Stage.DEVELOPMENT, "retrain");
        journal.stage(Stage.DATA, "99.99% negative: collect positives");
        journal.stage(Stage.DEVELOPMENT, "retrain");
        journal.stage(Stage.DATA, "poor on yesterday: collect recent data");
        journal.stage(Stage.DEVELOPMENT, "retrain");
        journal.stage(Stage.DEPLOYMENT, "ship");
        journal.stage(Stage.BUSINESS, "revenue falls: few clicks");
        journal.objective("click-through rate");
        journal.stage(Stage.SCOPING, "start over");
    }

    @Test
    @DisplayName("the ad-prediction story shows as a path with four loops back and the objective pivot in place")
    void adStoryPath() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            adStory(journal);

            StagePath path = journal.stagePath();

            assertEquals(12, path.moves().size());
            assertEquals(4, path.loops());
            assertEquals(Stage.SCOPING, path.current());
            assertEquals(
                    "scoping → data → development ↺ data → development ↺ data → development ↺ data → development"
                            + " → deployment → business ↺ [pivot: impressions → click-through rate] scoping",
                    path.breadcrumb());
            assertEquals(
                    Map.of(
                            Stage.SCOPING,
                            2,
                            Stage.DATA,
                            4,
                            Stage.DEVELOPMENT,
                            4,
                            Stage.DEPLOYMENT,
                            1,
                            Stage.BUSINESS,
                            1),
                    path.visits());
            assertEquals(1, path.pivots().size());
            assertTrue(path.toText().contains("12 moves, 4 loops back, 1 objective pivot"), path.toText());
            assertFalse(path.toText().contains("pivots"), path.toText());
            assertTrue(path.toHtml().contains("pivot: impressions &rarr; click-through rate"), path.toHtml());
            assertEquals(4, path.toRecord().get("loops"));
        }
    }

    @Test
    @DisplayName("the loop is drawn on the cycle: six stages, one numbered arrow per move, the pivot written under it")
    void loopChart() throws Exception {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            adStory(journal);

            XYChart chart = journal.stagePath().chart();

            assertEquals("The loop taken: 12 moves, 4 loops back", chart.getTitle());
            assertEquals(1 + 11, chart.getSeriesMap().size(), "the stages, then one arrow per move after the first");
            BufferedImage png = ImageIO.read(
                    new ByteArrayInputStream(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG)));
            assertEquals(640, png.getWidth());
        }
    }

    @Test
    @DisplayName("time per stage adds up every visit, the last one running until the path is read")
    void timePerStage() {
        Journal.open(dir.resolve("j.sqlite")).close(); // migrate first: the clock below stamps only the test
        StepClock clock = new StepClock(Instant.parse("2026-01-05T09:00:00Z"), Duration.ofMinutes(10));
        try (Journal journal =
                Journal.open(dir.resolve("j.sqlite"), JournalOptions.defaults().withClock(clock))) {
            journal.stage(Stage.DATA, ""); // 09:00
            journal.stage(Stage.DEVELOPMENT, ""); // 09:10
            journal.stage(Stage.DATA, ""); // 09:20
            journal.stage(Stage.DEVELOPMENT, ""); // 09:30

            StagePath path = journal.stagePath(); // read at 09:40

            assertEquals(Duration.ofMinutes(20), path.timePerStage().get(Stage.DATA));
            assertEquals(Duration.ofMinutes(20), path.timePerStage().get(Stage.DEVELOPMENT));
            assertTrue(path.toText().contains("2 data          2 visits  20 min 0 s"), path.toText());
        }
    }

    @Test
    @DisplayName("an empty journal has an empty path that says so")
    void emptyPath() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            StagePath path = journal.stagePath();

            assertEquals(List.of(), path.stages());
            assertEquals("(no stage recorded yet)", path.breadcrumb());
            assertEquals(0, path.loops());
        }
    }
}
