package org.mlcycle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileReport;

@Tag("spark")
class SparkProfileTest {
    @Test
    void printsBoth() {
        long t0 = System.nanoTime();
        SparkFixture.OLD.dataset().count();
        long t1 = System.nanoTime();
        ProfileReport t = Profile.of(SparkFixture.OLD.table());
        ProfileReport s = SparkProfile.of(SparkFixture.OLD.dataset(), "two_months_ago");
        long t2 = System.nanoTime();
        s = SparkProfile.of(SparkFixture.OLD.dataset(), "two_months_ago");
        long t3 = System.nanoTime();
        System.out.printf("setup+count %.1f s, profile %.1f s, again %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        System.out.println(t.toText());
        System.out.println(s.toText());
        assertEquals(t.rows(), s.rows());
    }
}
