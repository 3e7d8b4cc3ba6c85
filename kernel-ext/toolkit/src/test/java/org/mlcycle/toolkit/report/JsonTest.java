package org.mlcycle.toolkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The toolkit's JSON output: Gson, with NaN as null and other objects as their text. */
class JsonTest {
    private static Map<String, Object> record() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("psi", 0.25);
        m.put("ks_p", Double.NaN);
        m.put("max", Double.POSITIVE_INFINITY);
        m.put("rows", 3L);
        m.put("ok", true);
        m.put("note", null);
        m.put("day", LocalDate.of(2024, 3, 1));
        m.put("text", "a \"quote\" <b> & tab\t");
        m.put("bins", List.of(1, 2.5f, Double.NaN));
        m.put("empty", Map.of());
        return m;
    }

    @Test
    void compactIsOneLineWithNaNAndInfinityAsNull() {
        assertEquals(
                "{\"psi\":0.25,\"ks_p\":null,\"max\":null,\"rows\":3,\"ok\":true,\"note\":null,\"day\":\"2024-03-01\","
                        + "\"text\":\"a \\\"quote\\\" <b> & tab\\t\",\"bins\":[1,2.5,null],\"empty\":{}}",
                Json.compact(record()));
    }

    @Test
    void prettyIndentsByTwoAndEndsWithANewline() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", Arrays.asList(1, Double.NaN));
        m.put("name", "ads");
        assertEquals("{\n  \"rows\": [\n    1,\n    null\n  ],\n  \"name\": \"ads\"\n}\n", Json.pretty(m));
    }
}
