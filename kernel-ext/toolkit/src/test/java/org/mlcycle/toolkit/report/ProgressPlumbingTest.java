package org.mlcycle.toolkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.OutOfFold;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import org.mlcycle.toolkit.io.Data;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvResult;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The long-running toolkit calls report to {@link Progress#standard()}: what they start, step and end. */
class ProgressPlumbingTest {

    /** Every progress handed out, with what it was told. */
    static final class Recorder {
        final List<Recorded> all = new ArrayList<>();

        synchronized Progress next() {
            Recorded r = new Recorded();
            all.add(r);
            return r;
        }

        synchronized Recorded only(String labelStart) {
            List<Recorded> found =
                    all.stream().filter(r -> r.label.startsWith(labelStart)).toList();
            assertEquals(1, found.size(), "one progress labelled '" + labelStart + "...' among " + all);
            return found.get(0);
        }
    }

    static final class Recorded implements Progress {
        String label = "(not started)";
        long total;
        long count;
        int starts;
        int dones;

        @Override
        public synchronized void start(long total, String label) {
            this.total = total;
            this.label = label;
            starts++;
        }

        @Override
        public synchronized void step(long n) {
            count += n;
        }

        @Override
        public synchronized void done() {
            dones++;
        }

        @Override
        public String toString() {
            return label + " " + count + "/" + total + " starts " + starts + " dones " + dones;
        }
    }

    private final Recorder recorder = new Recorder();

    @BeforeEach
    void install() {
        TribuoLogging.quiet();
        Progress.useAsStandard(recorder::next);
    }

    @AfterEach
    void restore() {
        Progress.useAsStandard(null);
    }

    @Test
    void aCsvReadCountsTheFilesBytes(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("id,score,kind\n");
        for (int i = 0; i < 20_000; i++)
            text.append(i)
                    .append(',')
                    .append(i * 0.5)
                    .append(",k")
                    .append(i % 7)
                    .append('\n');
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        CsvResult read = Csv.read(file);

        Recorded p = recorder.only("reading scores.csv");
        assertEquals(20_000, read.table().rowCount());
        assertEquals(Files.size(file), p.total, "the total is the file's size in bytes");
        assertTrue(p.count >= p.total, "every byte was counted: " + p);
        assertEquals(1, p.dones);
    }

    @Test
    void aGzipReadCountsTheCompressedBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scores.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            StringBuilder text = new StringBuilder("id,score\n");
            for (int i = 0; i < 5_000; i++)
                text.append(i).append(',').append(i % 13).append('\n');
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        CsvResult read = Data.read(file);

        Recorded p = recorder.only("reading scores.csv.gz");
        assertEquals(5_000, read.table().rowCount());
        assertEquals(Files.size(file), p.total);
        assertEquals(Files.size(file), p.count, "every compressed byte, once");
        assertEquals(1, p.dones);
    }

    @Test
    void trainingShowsItsTimeAndEndsEvenWhenItFails() {
        Table t = twoClasses(200);
        ServingModel.train(t, FeatureOptions.of("kind", List.of("x"), List.of()), new LogisticRegressionTrainer());

        Recorded p = recorder.only("training LogisticRegressionTrainer on 200 rows");
        assertTrue(p.total <= 0, "a trainer cannot count its steps: " + p);
        assertEquals(1, p.dones);

        assertThrows(
                RuntimeException.class,
                () -> ServingModel.train(
                        t,
                        FeatureOptions.of("no such column", List.of("x"), List.of()),
                        new LogisticRegressionTrainer()));
        assertTrue(recorder.all.stream().allMatch(r -> r.dones == r.starts), "every display ended: " + recorder.all);
    }

    @Test
    void crossValidationStepsOncePerFold() {
        Table t = twoClasses(300);
        OutOfFold.probabilities(
                t,
                FeatureOptions.of("kind", List.of("x"), List.of()),
                Splits.stratifiedKFold(t, "kind", 5, 1),
                new LogisticRegressionTrainer(),
                2);

        Recorded cv = recorder.only("cross-validation, 5 folds of 300 rows");
        assertEquals(5, cv.total);
        assertEquals(5, cv.count);
        assertEquals(1, cv.dones);
    }

    @Test
    void generatingDataStepsOncePerRow() {
        AdWorld.standard().candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, 3_000);

        Recorded p = recorder.only("generating 3,000 candidates/random");
        assertEquals(3_000, p.total);
        assertEquals(3_000, p.count);
        assertEquals(1, p.dones);
    }

    @Test
    void duringEndsTheDisplayWhenTheWorkThrows() {
        assertThrows(
                IllegalStateException.class,
                () -> Progress.during("failing", 3, p -> {
                    p.step();
                    throw new IllegalStateException("boom");
                }));
        Recorded p = recorder.only("failing");
        assertEquals(1, p.count);
        assertEquals(1, p.dones);
    }

    private static Table twoClasses(int n) {
        StringColumn kind = StringColumn.create("kind");
        DoubleColumn x = DoubleColumn.create("x");
        for (int i = 0; i < n; i++) {
            kind.append(i % 2 == 0 ? "a" : "b");
            x.append((i % 2 == 0 ? 1 : -1) + (i % 10) * 0.1);
        }
        return Table.create("two", kind, x);
    }
}
