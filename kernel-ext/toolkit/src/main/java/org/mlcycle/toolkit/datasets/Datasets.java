package org.mlcycle.toolkit.datasets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The datasets of the lessons by name ({@code "ads/targeted-two-months-ago"}), each with its
 * datasheet. {@link #load(String)} generates the rows in memory; they are byte for byte the rows of
 * the committed file (a test checks it), so a notebook needs no path. {@link #read(Path, String)}
 * reads the committed file instead, after checking it against the MANIFEST.
 */
public final class Datasets {
    private static final String WHO = "datasets";
    private static volatile AdWorld standard;

    private Datasets() {}

    /** Every dataset name, in the order of the story. */
    public static List<String> names() {
        return DatasetFiles.SPECS.stream().map(DatasetFiles.Spec::dataset).toList();
    }

    /** The datasheet summaries of every dataset: what {@code %datasets} shows. */
    public static DatasetList list() {
        List<Datasheet> sheets = new ArrayList<>();
        for (String n : names()) {
            sheets.add(datasheet(n));
        }
        return new DatasetList(sheets);
    }

    /** The committed rows of a dataset, generated from the default world. */
    public static Table load(String name) {
        DatasetFiles.Spec spec = spec(name);
        return DatasetFiles.table(world(), spec.file()).setName(name);
    }

    /**
     * A larger (or smaller) variant of a candidate dataset from the same stream: its first rows are
     * the committed ones. For "ads/impressions", {@code rows} counts requests per policy.
     */
    public static Table load(String name, int rows) {
        DatasetFiles.Spec spec = spec(name);
        AdWorld.checkRows(rows, WHO);
        AdWorld w = world();
        Table t = switch (spec.file()) {
            case "candidates_random_2m.csv" -> w.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, rows);
            case "candidates_targeted_2m.csv" -> w.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, rows);
            case "candidates_random_yesterday.csv" -> w.candidates(Source.RANDOM, Period.YESTERDAY, rows);
            case "candidates_targeted_yesterday.csv" -> w.candidates(Source.TARGETED, Period.YESTERDAY, rows);
            case "impressions.tsv" -> w.impressions(Policy.LEGACY, Period.YESTERDAY, rows)
                    .append(w.impressions(Policy.IMPRESSIONS, Period.YESTERDAY, rows));
            default -> throw new IllegalArgumentException(String.format(
                    "%s: '%s' has a fixed size of %,d rows; load(name) gives all of them", WHO, name, load(name).rowCount()));
        };
        return t.setName(name);
    }

    /**
     * The hidden truth for the first {@code rows} rows of a candidate dataset: topic and category
     * match, the slice labeler A gets wrong, p_true, y_true and A's answers after the guideline fix.
     */
    public static Table truth(String name, int rows) {
        DatasetFiles.Spec spec = spec(name);
        AdWorld.checkRows(rows, WHO);
        AdWorld w = world();
        return switch (spec.file()) {
            case "candidates_random_2m.csv" -> w.truth(Source.RANDOM, Period.TWO_MONTHS_AGO, rows);
            case "candidates_targeted_2m.csv" -> w.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, rows);
            case "candidates_random_yesterday.csv" -> w.truth(Source.RANDOM, Period.YESTERDAY, rows);
            case "candidates_targeted_yesterday.csv" -> w.truth(Source.TARGETED, Period.YESTERDAY, rows);
            default -> throw new IllegalArgumentException(
                    WHO + ": '" + name + "' has no truth table; candidate datasets do (ads/random-..., ads/targeted-...)");
        };
    }

    /**
     * Reads a committed file from {@code dir} (the repository's {@code datasets/} folder) with proper
     * column types, after checking its bytes against the MANIFEST.
     */
    public static Table read(Path dir, String name) {
        DatasetFiles.Spec spec = spec(name);
        Require.that(dir != null, WHO, "the datasets folder is null");
        Manifest.Entry entry = Manifest.read(dir).entry(spec.file());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(spec.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": cannot read " + dir.resolve(spec.file()) + ": " + e.getMessage(), e);
        }
        String problem = Manifest.mismatch(entry, bytes);
        if (problem != null) {
            throw new IllegalStateException(WHO + ": " + dir + " differs from " + Manifest.FILE + ": " + problem);
        }
        if (spec.file().endsWith(".tsv")) {
            return AdLogs.kddCup2012(dir.resolve(spec.file())).setName(name);
        }
        Table shape = load(name).emptyCopy();
        ColumnType[] types = shape.typeArray();
        CsvReadOptions options = CsvReadOptions.builder(new ByteArrayInputStream(bytes))
                .tableName(name)
                .columnTypes(types)
                .missingValueIndicator("")
                .build();
        return Table.read().usingOptions(options);
    }

    /** The datasheet of one dataset: file, rows, summary and every column. */
    public static Datasheet datasheet(String name) {
        DatasetFiles.Spec spec = spec(name);
        Table t = load(name);
        List<Datasheet.Column> cols = new ArrayList<>();
        for (tech.tablesaw.columns.Column<?> c : t.columns()) {
            cols.add(new Datasheet.Column(c.name(), c.type().name(), Datasheet.MEANINGS.getOrDefault(c.name(), "")));
        }
        return new Datasheet(name, spec.file(), t.rowCount(), spec.description(), cols);
    }

    private static DatasetFiles.Spec spec(String name) {
        for (DatasetFiles.Spec s : DatasetFiles.SPECS) {
            if (s.dataset().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(WHO + ": no dataset '" + name + "' (has: " + String.join(", ", names()) + ")");
    }

    private static AdWorld world() {
        AdWorld w = standard;
        if (w == null) {
            w = AdWorld.standard();
            standard = w;
        }
        return w;
    }
}
