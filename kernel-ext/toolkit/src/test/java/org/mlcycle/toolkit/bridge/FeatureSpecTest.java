package org.mlcycle.toolkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FeatureSpecTest {

    static final FeatureOptions OPTIONS = FeatureOptions.of("clicked", List.of("bid"), List.of("device"));

    static Table train() {
        return Table.create(
                "train",
                DoubleColumn.create("bid", new double[] {1, 2, Double.NaN, 4, 8}),
                StringColumn.create("device", new String[] {"mobile", "mobile", "desktop", "", "tablet"}),
                StringColumn.create("clicked", new String[] {"1", "0", "0", "1", "0"}));
    }

    @Test
    void imputesTheTrainingMedianAndScalesWithTheTrainingMeanAndStd() {
        FeatureSpec spec = FeatureSpec.fit(train(), OPTIONS);
        FeatureSpec.Numeric bid = spec.numeric().get(0);
        // present 1, 2, 4, 8: median 3; imputed 1, 2, 3, 4, 8: mean 3.6, population variance 29.2 / 5
        assertEquals(3.0, bid.median(), 1e-12);
        assertEquals(3.6, bid.mean(), 1e-12);
        assertEquals(Math.sqrt(29.2 / 5), bid.std(), 1e-12);
        assertEquals((3 - 3.6) / Math.sqrt(29.2 / 5), spec.features(train(), 2).get("bid"), 1e-12);
    }

    @Test
    void oneHotKeepsTrainingLevelsAndBucketsMissingAndUnseenValues() {
        FeatureSpec spec = FeatureSpec.fit(train(), OPTIONS);
        assertEquals(
                List.of("(missing)", "desktop", "mobile", "tablet", "(other)"),
                spec.categorical().get(0).levels());
        Table serving = Table.create(
                "serving",
                DoubleColumn.create("bid", new double[] {2, 2, 2}),
                StringColumn.create("device", new String[] {"tablet", "smart-tv", ""}));
        assertEquals(1.0, spec.features(serving, 0).get("device@tablet"));
        assertEquals(1.0, spec.features(serving, 1).get("device@(other)"));
        assertEquals(1.0, spec.features(serving, 2).get("device@(missing)"));
        assertEquals(6, spec.width()); // bid + 4 levels + (other)
    }

    @Test
    void rareLevelsFallIntoOtherAndAMissingNeverSeenInTrainingToo() {
        FeatureSpec spec = FeatureSpec.fit(train(), OPTIONS.withMinCategoryCount(2));
        assertEquals(List.of("mobile", "(other)"), spec.categorical().get(0).levels());
        assertEquals(1.0, spec.features(train(), 3).get("device@(other)"));
        assertEquals(1.0, spec.features(train(), 4).get("device@(other)"));
    }

    @Test
    void theSameRowGetsTheSameFeaturesAtTrainingAndAtServing() {
        Table train = train();
        FeatureSpec spec = FeatureSpec.fit(train, OPTIONS);
        // serving sees the rows one at a time, in another order, in a table without the label
        Table serving = reversed(train).removeColumns("clicked");
        for (int r = 0; r < 5; r++) {
            assertEquals(spec.features(train, r), spec.features(serving, 4 - r), "row " + r);
        }
    }

    /** The rows in reverse order (Tablesaw's {@code rows(int...)} keeps ascending order, whatever is asked). */
    static Table reversed(Table t) {
        Table out = t.emptyCopy();
        for (int r = t.rowCount() - 1; r >= 0; r--) out.addRow(r, t);
        return out;
    }

    @Test
    void aSavedSpecLoadsWithTheSameHashAndTheSameFeatures(@TempDir Path dir) throws Exception {
        FeatureSpec spec = FeatureSpec.fit(train(), OPTIONS);
        Path file = dir.resolve("spec.bin");
        spec.save(file);
        FeatureSpec loaded = FeatureSpec.load(file);
        assertEquals(spec, loaded);
        assertEquals(spec.contentHash(), loaded.contentHash());
        assertEquals(spec.features(train(), 2), loaded.features(train(), 2));
        assertEquals(64, spec.contentHash().length());
        Files.delete(file);
    }

    @Test
    void theHashChangesWhenTheTrainingDataChanges() {
        Table other = train();
        other.doubleColumn("bid").set(0, 100.0);
        assertNotEquals(
                FeatureSpec.fit(train(), OPTIONS).contentHash(),
                FeatureSpec.fit(other, OPTIONS).contentHash());
        assertEquals(
                FeatureSpec.fit(train(), OPTIONS).contentHash(),
                FeatureSpec.fit(train(), OPTIONS).contentHash());
    }

    @Test
    void fitsOnTheGivenRowsOnly() {
        FeatureSpec spec = FeatureSpec.fit(train(), new int[] {0, 1}, OPTIONS);
        assertEquals(1.5, spec.numeric().get(0).mean(), 1e-12);
        assertEquals(List.of("mobile", "(other)"), spec.categorical().get(0).levels());
    }

    @Test
    void aConstantColumnIsCentredButNotDividedByZero() {
        Table t = Table.create(
                "t",
                DoubleColumn.create("bid", new double[] {5, 5, 5}),
                StringColumn.create("clicked", new String[] {"0", "1", "0"}));
        FeatureSpec spec = FeatureSpec.fit(t, FeatureOptions.of("clicked", List.of("bid"), List.of()));
        assertEquals(Map.of("bid", 0.0), spec.features(t, 0));
    }

    @Test
    void namesTheMissingColumnAndTheTableAtServing() {
        FeatureSpec spec = FeatureSpec.fit(train(), OPTIONS);
        Table serving = Table.create("yesterday", DoubleColumn.create("bid", new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec.features(serving, 0));
        assertEquals("features: no column 'device' in table 'yesterday' (has: bid)", e.getMessage());
    }

    @Test
    void refusesATextColumnAsNumeric() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FeatureSpec.fit(train(), FeatureOptions.of("clicked", List.of("device"), List.of())));
        assertEquals("features: column 'device' in table 'train' is STRING, not numeric", e.getMessage());
    }

    @Test
    void refusesAColumnListedTwice() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> FeatureOptions.of("clicked", List.of("bid"), List.of("bid")));
        assertEquals("features: column 'bid' is listed twice (numeric and categorical)", e.getMessage());
    }
}
