package org.mlcycle.toolkit.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.FeatureSpec;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.split.Split;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ImbalanceTest {

    /** n rows, the first {@code positives} labelled 1; "id" is the row number. */
    static Table ads(int n, int positives) {
        int[] id = new int[n], y = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            y[i] = i < positives ? 1 : 0;
        }
        return Table.create("ads", IntColumn.create("id", id), IntColumn.create("clicked", y));
    }

    @Test
    void reportsThatAlwaysSayingNoIsAlmostAlwaysRight() {
        ImbalanceReport r = Imbalance.of(ads(10_000, 1), "clicked");
        assertEquals(0.9999, r.majorityAccuracy(), 1e-12);
        assertEquals("0", r.majority().name());
        assertEquals(1, r.minority().count());
        assertTrue(r.isImbalanced());
        assertTrue(
                r.verdict()
                        .startsWith(
                                "imbalance: imbalanced; rarest class '1' is 0.0100% of 10000 rows (1 : 9999); always"
                                        + " predicting '0' is 99.99% accurate"),
                r.verdict());
    }

    @Test
    void aThirtySeventyTableIsBalancedEnough() {
        ImbalanceReport r = Imbalance.of(ads(100, 30), "clicked");
        assertFalse(r.isImbalanced());
        assertEquals(0.7, r.majorityAccuracy(), 1e-12);
    }

    @Test
    void overSamplingTopsUpTheRareClassAndKeepsEveryOriginalRow() {
        Table over = Resampling.randomOver(ads(100, 10), "clicked", 3);
        assertEquals(180, over.rowCount());
        assertEquals(90, over.intColumn("clicked").sum());
        assertEquals(
                ads(100, 10).intColumn("id").asList(),
                over.intColumn("id").first(100).asList());
        for (int i = 100; i < 180; i++)
            assertTrue(over.intColumn("id").get(i) < 10, "an added row is a copy of a positive");
        assertEquals(
                over.intColumn("id").asList(),
                Resampling.randomOver(ads(100, 10), "clicked", 3)
                        .intColumn("id")
                        .asList());
    }

    @Test
    void underSamplingCutsTheCommonClassToTheRareCount() {
        Table under = Resampling.randomUnder(ads(100, 10), "clicked", 3);
        assertEquals(20, under.rowCount());
        assertEquals(10, under.intColumn("clicked").sum());
        assertEquals(20, under.intColumn("id").unique().size(), "no row twice");
        assertFalse(under.intColumn("id")
                .asList()
                .equals(Resampling.randomUnder(ads(100, 10), "clicked", 4)
                        .intColumn("id")
                        .asList()));
    }

    @Test
    void refusesToResampleATestSplit() {
        Table ads = ads(100, 10);
        Split split = Splits.stratified(ads, "clicked", 0.2, 0);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Resampling.randomOver(split.test(ads), "clicked", 0));
        assertEquals(
                "random over-sampling: table 'ads (test)' is a test split; resample the training rows only, and"
                        + " evaluate on the rows as they are",
                e.getMessage());
        assertEquals(144, Resampling.randomOver(split.train(ads), "clicked", 0).rowCount()); // 72 + 72
    }

    @Test
    void inverseFrequencyWeightsGiveEachClassTheSameTotalWeight() {
        ClassWeights w = ClassWeights.inverseFrequency(ads(100, 10), "clicked");
        assertEquals(100 / (2 * 10.0), w.of("1"), 1e-12); // 5
        assertEquals(100 / (2 * 90.0), w.of("0"), 1e-12);
        assertEquals(w.of("1") * 10, w.of("0") * 90, 1e-9);
    }

    @Test
    void weightsLandOnTribuoExamples() {
        Table ads = ads(100, 10);
        FeatureSpec spec = FeatureSpec.fit(ads, FeatureOptions.of("clicked", List.of("id"), List.of()));
        MutableDataset<Label> data =
                ClassWeights.inverseFrequency(ads, "clicked").applyTo(Features.dataset(ads, spec));
        assertEquals(5.0f, data.getExample(0).getWeight());
        assertEquals((float) (100 / 180.0), data.getExample(50).getWeight());
    }

    @Test
    void namesAClassWithoutAWeight() {
        ClassWeights w = ClassWeights.inverseFrequency(ads(10, 2), "clicked");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.of("2"));
        assertEquals("class weights: no weight for class '2' (has: 0, 1)", e.getMessage());
    }
}
