package org.mlcycle.toolkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.journal.JournalException;
import org.mlcycle.toolkit.journal.ModelMove;
import org.mlcycle.toolkit.journal.ModelStage;
import tech.tablesaw.api.Table;

class ModelRegistryTest {

    @Test
    void versionsMoveThroughStagesAndEveryMoveIsRecorded(@TempDir Path dir) {
        Table old = Traffic.days(1, 3, 200, 99, 1), recent = Traffic.days(4, 6, 200, 99, 2);
        Path file = dir.resolve("journal.sqlite");
        try (Journal journal = Journal.open(file)) {
            ModelRegistry registry = ModelRegistry.in(journal);
            assertEquals(
                    1,
                    registry.register("ads", Traffic.train(old), old, Map.of("roc_auc", 0.81), "first")
                            .version());
            assertEquals(
                    2,
                    registry.register("ads", Traffic.train(recent), recent, Map.of(), "recent")
                            .version());
            registry.move("ads@1", "production", "launch");
            registry.move("ads@2", "shadow", "try it");
            List<ModelMove> promoted = registry.move("ads@2", "production", "after the shadow run");
            assertEquals(
                    List.of("ads@1: production -> archived", "ads@2: shadow -> production"),
                    promoted.stream()
                            .map(m -> m.ref() + ": " + m.from().label() + " -> " + m.to().label())
                            .toList());
        }
        try (Journal reopened = Journal.open(file)) {
            ModelRegistry registry = ModelRegistry.in(reopened);
            assertTrue(reopened.schemaVersion() >= 3, "the registry arrived with schema version 3");
            assertEquals(4, reopened.modelMoves("ads").size());
            assertEquals(
                    ModelStage.ARCHIVED,
                    reopened.requireRegisteredModel("ads@1").stage());
            assertEquals(2, registry.load("ads@production").version());
            assertEquals(
                    Map.of("roc_auc", 0.81),
                    reopened.requireRegisteredModel("ads@1").metrics());
            assertEquals(
                    List.of("ads/training@1"),
                    reopened.requireRegisteredModel("ads@1").data());
            assertTrue(
                    reopened.timeline(0).toText().contains("ads@2: shadow -> production"),
                    reopened.timeline(0).toText());
            assertTrue(
                    registry.view().toText().contains("in production: ads@2"),
                    registry.view().toText());
        }
    }

    @Test
    void aLoadedVersionScoresExactlyAsTheRegisteredModel(@TempDir Path dir) {
        Table train = Traffic.days(1, 3, 300, 99, 3), later = Traffic.days(4, 4, 100, 99, 4);
        ServingModel model = Traffic.train(train);
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            ModelRegistry registry = ModelRegistry.in(journal);
            registry.register("ads", model, train, Map.of(), null);
            ModelRelease release = registry.load("ads");
            assertEquals(
                    model.predict(later).doubleColumn("p_1").asList(),
                    release.predict(later).doubleColumn("p_1").asList());
            assertEquals(
                    Map.of("bid", "DOUBLE", "slot", "INTEGER", "device", "STRING"),
                    release.input().columns());
            assertEquals(
                    List.of("bid", "slot", "device", "clicked"),
                    registry.reference("ads@1").columnNames());
        }
    }

    @Test
    void unknownNamesVersionsAndStagesSayWhatExists(@TempDir Path dir) {
        Table train = Traffic.days(1, 2, 100, 99, 5);
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            ModelRegistry registry = ModelRegistry.in(journal);
            registry.register("ads", Traffic.train(train), train, Map.of(), null);
            JournalException none = assertThrows(JournalException.class, () -> registry.load("ads@production"));
            assertTrue(none.getMessage().contains("ads@1 (none)"), none.getMessage());
            JournalException other = assertThrows(JournalException.class, () -> registry.load("clicks"));
            assertTrue(other.getMessage().contains("registered models: ads"), other.getMessage());
            IllegalArgumentException stage =
                    assertThrows(IllegalArgumentException.class, () -> registry.move("ads@1", "live", null));
            assertTrue(stage.getMessage().contains("staging, production, shadow, archived"), stage.getMessage());
        }
    }
}
