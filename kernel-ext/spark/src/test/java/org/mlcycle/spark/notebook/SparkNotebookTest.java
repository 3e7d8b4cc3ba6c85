package org.mlcycle.spark.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlcycle.magics.DataEngine;
import org.mlcycle.magics.Notebook;

/** The notebook side: the engine the magics find by ServiceLoader, and {@code %spark} on a running session. */
@Tag("spark")
class SparkNotebookTest {
    /** Variables in a map; results returned. */
    static final class Cells implements Notebook {
        final Map<String, Object> variables = new HashMap<>();

        @Override
        public Object variable(String name) {
            return variables.get(name);
        }

        @Override
        public Object run(String code) {
            return null;
        }

        @Override
        public void define(String name, Class<?> type, Object value) {
            variables.put(name, type.cast(value));
        }

        @Override
        public void show(Object value) {}

        @Override
        public Object result(Object value) {
            return value;
        }
    }

    /** The module's test session (as SparkFixture makes it), whichever test class starts it. */
    private static SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("mlcycle-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    @Test
    void theMagicsFindTheEngineAsAServiceAndItTakesADatasetOnly() {
        SparkSession spark = session();
        var engines = ServiceLoader.load(DataEngine.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        DataEngine engine = engines.stream()
                .filter(e -> e instanceof SparkEngine)
                .findFirst()
                .orElseThrow();
        var ds = spark.range(5).toDF("n");
        assertTrue(engine.accepts(ds));
        assertFalse(engine.accepts("text"));
        assertEquals(List.of("n"), engine.columns(ds));
        assertEquals(
                "five",
                engine.profile(ds, "five", org.mlcycle.toolkit.quality.ProfileOptions.defaults())
                        .table());
    }

    @Test
    void sparkGivesTheRunningSessionAndRefusesBadArguments() {
        SparkSession running = session();
        Cells nb = new Cells();
        String line = SparkExtension.run(nb, List.of());
        assertSame(running, nb.variables.get("spark"));
        assertTrue(line.startsWith("Spark 3.5") && line.contains("running: local[2]") && line.contains("UI off"), line);
        var e = assertThrows(
                IllegalArgumentException.class, () -> SparkExtension.run(nb, List.of("--conf", "novalue")));
        assertTrue(e.getMessage().contains("--conf needs KEY=VALUE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkExtension.run(nb, List.of("local", "local[2]")));
        assertEquals(8, SparkExtension.cores("local[8]"));
        assertEquals(1, SparkExtension.cores("local"));
        assertEquals(3, SparkExtension.cores("local[3, 2]"));
    }
}
