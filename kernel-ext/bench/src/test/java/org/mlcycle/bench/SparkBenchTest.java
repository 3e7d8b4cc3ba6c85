package org.mlcycle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
