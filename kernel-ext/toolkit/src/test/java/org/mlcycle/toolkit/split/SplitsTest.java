package org.mlcycle.toolkit.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SplitsTest {

    /** n rows, the first {@code positives} of them labelled 1. */
    static Table ads(int n, int positives) {
        int[] y = new int[n];
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            y[i] = i < positives ? 1 : 0;
        }
        return Table.create("ads", IntColumn.create("id", id), IntColumn.create("clicked", y));
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() {
        Table t = ads(500, 50);
        assertEquals(Splits.stratified(t, "clicked", 0.2, 7), Splits.stratified(t, "clicked", 0.2, 7));
        assertNotEquals(Splits.stratified(t, "clicked", 0.2, 7), Splits.stratified(t, "clicked", 0.2, 8));
        assertEquals(Splits.random(t, 0.3, 1), Splits.random(t, 0.3, 1));
        assertEquals(Splits.stratifiedKFold(t, "clicked", 5, 3), Splits.stratifiedKFold(t, "clicked", 5, 3));
    }

    @Test
    void everyRowLandsInExactlyOnePart() {
        Table t = ads(101, 13);
        for (Split s : new Split[] {Splits.random(t, 0.25, 4), Splits.stratified(t, "clicked", 0.25, 4)}) {
            Set<Integer> seen = new HashSet<>();
            for (int r : s.trainRows()) assertTrue(seen.add(r));
            for (int r : s.testRows()) assertTrue(seen.add(r));
            assertEquals(101, seen.size(), s.toText());
        }
        assertEquals(25, Splits.random(t, 0.25, 4).testRows().length); // round(25.25)
    }

    @Test
    void aStratifiedSplitKeepsTheClassShareOnBothSides() {
        Table t = ads(1000, 30);
        Split s = Splits.stratified(t, "clicked", 0.2, 11);
        assertEquals(6, s.test(t).intColumn("clicked").sum()); // 20% of 30
        assertEquals(24, s.train(t).intColumn("clicked").sum());
        assertEquals(200, s.testRows().length);
    }

    @Test
    void everyStratifiedFoldHoldsAPositiveAtOnePercentPositives() {
        Table t = ads(2000, 20); // 1% positives
        for (long seed = 0; seed < 20; seed++) {
            Folds folds = Splits.stratifiedKFold(t, "clicked", 5, seed);
            for (int f = 0; f < 5; f++) {
                int positives = 0;
                for (int r : folds.testRows(f)) positives += r < 20 ? 1 : 0;
                assertEquals(4, positives, "seed " + seed + ", fold " + f);
                assertEquals(400, folds.testRows(f).length);
            }
            assertTrue(folds.classesMissingFromSomeFold().isEmpty());
        }
    }

    @Test
    void plainKFoldCanLeaveAFoldWithoutPositivesWhichTheStratifiedOneNeverDoes() {
        Table t = ads(1000, 3); // rarer than folds x 1
        boolean someFoldEmpty = false;
        for (long seed = 0; seed < 10 && !someFoldEmpty; seed++) {
            Folds plain = Splits.kFold(t, 5, seed);
            for (int f = 0; f < 5; f++) {
                someFoldEmpty |= Arrays.stream(plain.testRows(f)).noneMatch(r -> r < 3);
            }
        }
        assertTrue(someFoldEmpty, "3 positives in 5 folds: at least two folds are empty");
        Folds strat = Splits.stratifiedKFold(ads(1000, 5), "clicked", 5, 0);
        assertTrue(strat.classesMissingFromSomeFold().isEmpty());
        assertEquals(
                "[1]",
                Splits.stratifiedKFold(t, "clicked", 5, 0)
                        .classesMissingFromSomeFold()
                        .toString());
    }

    @Test
    void trainAndTestRowsOfAFoldPartitionTheTable() {
        Folds folds = Splits.stratifiedKFold(ads(53, 9), "clicked", 4, 2);
        int total = 0;
        for (int f = 0; f < 4; f++) {
            int[] test = folds.testRows(f), train = folds.trainRows(f);
            assertEquals(53, test.length + train.length);
            total += test.length;
            for (int r : test) assertEquals(f, folds.foldOf()[r]);
        }
        assertEquals(53, total);
    }

    @Test
    void outOfTimeTrainsOnThePastAndTestsOnTheCutoffDayAndAfter() {
        DateColumn day = DateColumn.create("day");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 10; i++) day.append(start.plusDays(9 - i)); // newest first
        Table t = Table.create("ads", day, StringColumn.create("x", new String[10]));
        Split s = Splits.outOfTime(t, "day", LocalDate.of(2024, 1, 8));
        assertArrayEquals(new int[] {0, 1, 2}, s.testRows()); // Jan 10, 9, 8
        assertEquals(7, s.trainRows().length);
        assertTrue(s.train(t).dateColumn("day").max().isBefore(LocalDate.of(2024, 1, 8)));
    }

    @Test
    void outOfTimeAcceptsANumericDayColumn() {
        Split s = Splits.outOfTime(ads(10, 0), "id", 7);
        assertArrayEquals(new int[] {7, 8, 9}, s.testRows());
    }

    @Test
    void theTestPartIsRememberedAsATestSetAndTheTrainPartIsNot() {
        Table t = ads(20, 4);
        Split s = Splits.random(t, 0.5, 0);
        assertTrue(Splits.isTestSet(s.test(t)));
        assertFalse(Splits.isTestSet(s.train(t)));
        assertFalse(Splits.isTestSet(t));
        assertEquals("ads (test)", s.test(t).name());
    }

    @Test
    void namesTheRowOfAMissingLabel() {
        Table t = Table.create("ads", StringColumn.create("label", new String[] {"a", "", "b"}));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Splits.stratified(t, "label", 0.5, 0));
        assertEquals("stratified split: label 'label' is missing in row 1 of table 'ads'", e.getMessage());
    }

    @Test
    void refusesATimeCutoffOfTheWrongKind() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Splits.outOfTime(ads(3, 0), "id", LocalDate.of(2024, 1, 1)));
        assertEquals(
                "out-of-time split: column 'id' in table 'ads' is INTEGER; a LocalDate cutoff does not fit it",
                e.getMessage());
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Splits.random(ads(3, 0), 1.0, 0));
        assertEquals("random split: test fraction must be between 0 and 1 (exclusive), got 1.0", e.getMessage());
    }

    @Test
    void refusesASplitMadeOnAnotherTable() {
        Split s = Splits.random(ads(10, 0), 0.5, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.train(ads(11, 0)));
        assertEquals("split: made on 10 rows, but table 'ads' has 11", e.getMessage());
    }
}
