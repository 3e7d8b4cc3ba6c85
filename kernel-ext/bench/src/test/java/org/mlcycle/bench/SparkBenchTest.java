package org.mlcycle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SparkBenchTest {
    @Test
    void rowCountsTakeTheSuffixesUsersWrite() {
        assertEquals(1_000_000, SparkBench.rows("1M"));
        assertEquals(30_000_000, SparkBench.rows("30m"));
        assertEquals(200_000, SparkBench.rows("200k"));
        assertEquals(2_500_000, SparkBench.rows("2.5M"));
        assertEquals(12_345, SparkBench.rows("12345"));
    }

    @Test
    void repeatedEnginesTakeTurnsAndReportEveryRun() {
        List<String> order = new ArrayList<>();
        Map<String, Supplier<Object>> work = new LinkedHashMap<>();
        work.put("spark_checks", () -> order.add("spark"));
        work.put("deequ_checks", () -> order.add("deequ"));
        Map<String, Object> out = new LinkedHashMap<>();
        SparkBench.timeInTurns(out, work, 3);
        // whoever ran second in a round runs first in the next, so neither always inherits a warm JIT
        assertEquals(List.of("spark", "deequ", "deequ", "spark", "spark", "deequ"), order);
        assertEquals(3, ((List<?>) out.get("spark_checks_runs_s")).size());
        assertEquals(3, ((List<?>) out.get("deequ_checks_runs_s")).size());
        assertEquals(
                List.of("spark_checks_s", "spark_checks_runs_s", "deequ_checks_s", "deequ_checks_runs_s"),
                List.copyOf(out.keySet()));
    }

    @Test
    void aSingleRunReportsItsTimeAlone() {
        Map<String, Supplier<Object>> work = new LinkedHashMap<>();
        work.put("spark_profile", () -> "done");
        Map<String, Object> out = new LinkedHashMap<>();
        SparkBench.timeInTurns(out, work, 1);
        assertEquals(List.of("spark_profile_s"), List.copyOf(out.keySet()));
    }
}
