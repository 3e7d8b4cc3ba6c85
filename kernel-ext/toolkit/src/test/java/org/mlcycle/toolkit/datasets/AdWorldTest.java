package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AdWorldTest {
    private static final AdWorld WORLD = AdWorld.standard();

    private static String sha(Table t) {
        return CsvText.sha256(CsvText.encode(t, ',', true));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        AdWorld again = AdWorld.standard();
        AdWorld other = AdWorld.create(AdWorldOptions.defaults().withSeed(7));
        Table a = WORLD.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, 5_000);
        assertEquals(sha(a), sha(again.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, 5_000)));
        assertEquals(sha(WORLD.ads()), sha(again.ads()));
        assertFalse(sha(a).equals(sha(other.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, 5_000))));
    }

    @Test
    void theFirstRowsOfACollectionDoNotDependOnHowManyAreAsked() {
        Table small = WORLD.candidates(Source.RANDOM, Period.YESTERDAY, 1_000);
        Table large = WORLD.candidates(Source.RANDOM, Period.YESTERDAY, 3_000);
        assertEquals(sha(small), sha(large.first(1_000).setName(small.name())));
    }

    @Test
    void asksForRowsAndGetsExactlyThatMany() {
        assertEquals(
                0, WORLD.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, 0).rowCount());
        assertEquals(
                12_345,
                WORLD.candidates(Source.TARGETED, Period.YESTERDAY, 12_345).rowCount());
        assertEquals(
                12_345, WORLD.truth(Source.TARGETED, Period.YESTERDAY, 12_345).rowCount());
        assertEquals(24_000, WORLD.queries().rowCount());
        assertEquals(10_000, WORLD.ads().rowCount());
        assertEquals(50_000, WORLD.users().rowCount());
    }

    @Test
    void refusesANegativeRowCountInOneLine() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WORLD.candidates(Source.RANDOM, Period.YESTERDAY, -5));
        assertEquals("candidates: rows must be between 0 and 50,000,000, got -5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WORLD.candidates(Source.RANDOM, -70, -1, 10));
        assertEquals("candidates: days must satisfy -60 <= firstDay <= lastDay <= -1, got -70..-1", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> AdWorldOptions.defaults().withSeed(1).withB0(Double.NaN));
        assertEquals("ad world: b0 and c0 must be finite, got NaN and -5.67", e.getMessage());
    }

    @Test
    void everyCandidateRowReferencesAnExistingQueryAdAndUser() {
        Table c = WORLD.candidates(Source.TARGETED, Period.YESTERDAY, 5_000);
        assertTrue(c.intColumn("query_id").max() < 24_000
                && c.intColumn("query_id").min() >= 0);
        assertTrue(c.intColumn("ad_id").max() < 10_000 && c.intColumn("ad_id").min() >= 0);
        assertTrue(
                c.intColumn("user_id").max() < 50_000 && c.intColumn("user_id").min() >= 0);
        assertEquals(0, c.intColumn("label_a").countMissing());
        assertEquals(-1, c.intColumn("day").min());
    }

    @Test
    void theSameRowsHaveTheSameTruthFromAnyCall() {
        Table t1 = WORLD.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, 2_000);
        Table t2 = WORLD.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, 2_000);
        assertArrayEquals(
                t1.doubleColumn("p_true").asDoubleArray(),
                t2.doubleColumn("p_true").asDoubleArray());
    }

    @Test
    void intentSharesFollowTheTrafficModelNotQueryPopularity() {
        Table f = WORLD.features(Source.RANDOM, Period.TWO_MONTHS_AGO, 50_000);
        Map<String, Integer> counts = new HashMap<>();
        for (String s : f.stringColumn("intent")) {
            counts.merge(s, 1, Integer::sum);
        }
        assertEquals(0.20, counts.get("navigational") / 50_000.0, 0.01);
        assertEquals(0.35, counts.get("commercial") / 50_000.0, 0.01);
        assertEquals(0.45, counts.get("informational") / 50_000.0, 0.01);
    }

    @Test
    void aTinyWorldStillGeneratesEveryTable() {
        AdWorld tiny = AdWorld.create(
                new AdWorldOptions(5, 8, 2, 2, 30, 3, 20, 8, 12, AdWorld.DEFAULT_B0, AdWorld.DEFAULT_C0));
        assertEquals(33, tiny.queries().rowCount());
        assertEquals(
                1_000, tiny.features(Source.TARGETED, Period.YESTERDAY, 1_000).rowCount());
        assertEquals(
                1_000, tiny.truth(Source.RANDOM, Period.TWO_MONTHS_AGO, 1_000).rowCount());
        assertTrue(tiny.impressions(Policy.LEGACY, Period.YESTERDAY, 500).rowCount() >= 0);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new AdWorldOptions(5, 4, 2, 2, 30, 3, 20, 8, 12, -12, -5));
        assertEquals("ad world: categories must be at least 8 (travel is 3, insurance 7), got 4", e.getMessage());
    }
}
