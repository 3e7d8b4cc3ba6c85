package org.mlcycle.toolkit.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvOptions;
import org.mlcycle.toolkit.io.csv.CsvResult;
import org.mlcycle.toolkit.io.csv.RejectedRow;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The datasets of the lessons by name ({@code "ads/targeted-two-months-ago"}), each with its
 * datasheet. {@link #load(String)} generates the rows in memory; they are byte for byte the rows of
 * the committed file (a test checks it), so a notebook needs no path. {@link #read(Path, String)}
 * reads the committed file instead, after checking it against the MANIFEST, with the toolkit's CSV
 * reader ({@link Csv}).
 */
public final class Datasets {
    private static final String WHO = "datasets";
    private static volatile AdWorld standard;
    private static volatile DatasetList listed;

    private Datasets() {}

    /** Every dataset name, in the order of the story. */
    public static List<String> names() {
        return DatasetFiles.SPECS.stream().map(DatasetFiles.Spec::dataset).toList();
    }

    /** The datasheet summaries of every dataset: what {@code %datasets} shows. */
    public static DatasetList list() {
        DatasetList l = listed;
        if (l == null) { // generating every table takes a second or two: once per JVM is enough
            List<Datasheet> sheets = new ArrayList<>();
            for (String n : names()) {
                sheets.add(datasheet(n));
            }
            l = new DatasetList(sheets);
            listed = l;
        }
        return l;
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
        return generate(world(), name, rows).setName(name);
    }

    static Table generate(AdWorld w, String name, int rows) {
        DatasetFiles.Spec spec = spec(name);
        AdWorld.checkRows(rows, WHO);
        Table t = switch (spec.file()) {
            case "candidates_random_2m.csv" -> w.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, rows);
            case "candidates_targeted_2m.csv" -> w.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, rows);
            case "candidates_random_yesterday.csv" -> w.candidates(Source.RANDOM, Period.YESTERDAY, rows);
            case "candidates_targeted_yesterday.csv" -> w.candidates(Source.TARGETED, Period.YESTERDAY, rows);
            case "impressions.tsv" ->
                w.impressions(Policy.LEGACY, Period.YESTERDAY, rows)
                        .append(w.impressions(Policy.IMPRESSIONS, Period.YESTERDAY, rows));
            default ->
                throw new IllegalArgumentException(String.format(
                        "%s: '%s' has a fixed size of %,d rows; load(name) gives all of them",
                        WHO, name, load(name).rowCount()));
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
            default ->
                throw new IllegalArgumentException(WHO + ": '" + name
                        + "' has no truth table; candidate datasets do (ads/random-..., ads/targeted-...)");
        };
    }

    /**
     * A larger variant listed in the MANIFEST (e.g. 1,000,000 rows of "ads/random-two-months-ago"):
     * generated into {@code dir/generated/} on first use and checked against its checksum, then read
     * from there. Generator output that differs from the MANIFEST is an error and is never written.
     */
    public static Table materialize(Path dir, String name, int rows) {
        spec(name);
        Require.that(dir != null, WHO, "the datasets folder is null");
        Manifest manifest = Manifest.read(dir);
        DatasetFiles.Generated g = new DatasetFiles.Generated(name, rows);
        List<String> listed = new ArrayList<>();
        for (DatasetFiles.Generated known : DatasetFiles.GENERATED) {
            listed.add(known.dataset() + " x " + known.rows());
        }
        Require.that(
                DatasetFiles.GENERATED.contains(g),
                WHO,
                "no generated variant of '%s' with %,d rows (has: %s)",
                name,
                rows,
                String.join(", ", listed));
        Manifest.Entry entry = manifest.entry(g.file());
        Path file = dir.resolve(g.file());
        try {
            if (!Files.isRegularFile(file)) {
                byte[] bytes = DatasetFiles.bytes(generate(world(), name, rows), g.file());
                String problem = Manifest.mismatch(entry, bytes);
                if (problem != null) {
                    throw new IllegalStateException(WHO + ": the generator's output differs from " + Manifest.FILE
                            + ", nothing written: " + problem);
                }
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".partial-", ".csv");
                Files.write(tmp, bytes);
                Files.move(
                        tmp,
                        file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": cannot write " + file + ": " + e.getMessage(), e);
        }
        return readChecked(dir, name, g.file(), entry);
    }

    /**
     * Reads a committed file from {@code dir} (the repository's {@code datasets/} folder) with proper
     * column types, after checking its bytes against the MANIFEST.
     */
    public static Table read(Path dir, String name) {
        DatasetFiles.Spec spec = spec(name);
        Require.that(dir != null, WHO, "the datasets folder is null");
        return readChecked(dir, name, spec.file(), Manifest.read(dir).entry(spec.file()));
    }

    private static Table readChecked(Path dir, String name, String file, Manifest.Entry entry) {
        byte[] bytes; // read once for the checksum; the reader reads the file again from the page cache
        try {
            bytes = Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": cannot read " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
        String problem = Manifest.mismatch(entry, bytes);
        if (problem != null) {
            throw new IllegalStateException(WHO + ": " + dir + " differs from " + Manifest.FILE + ": " + problem);
        }
        if (file.endsWith(".tsv")) {
            return AdLogs.kddCup2012(dir.resolve(file)).setName(name);
        }
        CsvResult read = Csv.read(dir.resolve(file), CsvOptions.defaults().withTypes(columnTypes(file)));
        if (!read.quarantine().clean()) {
            RejectedRow first = read.quarantine().rejected().get(0);
            throw new IllegalStateException(String.format(
                    "%s: %s line %d: %s (%,d rows quarantined)",
                    WHO,
                    dir.resolve(file),
                    first.line(),
                    first.reason(),
                    read.quarantine().rejectedCount()));
        }
        return read.table().setName(name);
    }

    /** The column types of a committed CSV file, as {@link #load(String)} generates them. */
    static Map<String, ColumnType> columnTypes(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        List<String> ints;
        Map<String, ColumnType> other = new LinkedHashMap<>();
        if (base.startsWith("queries")) {
            ints = List.of("query_id", "category", "topic", "brand_id", "n_tokens");
            other.put("intent", ColumnType.STRING);
        } else if (base.startsWith("ads")) {
            ints = List.of("ad_id", "advertiser_id", "category", "topic", "brand_id", "keyword_id");
            for (String c : List.of("landing_score", "bid_cpc", "past_ctr")) {
                other.put(c, ColumnType.DOUBLE);
            }
        } else if (base.startsWith("users")) {
            ints = List.of("user_id", "gender", "age");
            other.put("device", ColumnType.STRING);
        } else if (base.startsWith("candidates_")) {
            ints = List.of("row_id", "day", "hour", "user_id", "query_id", "ad_id", "label_a", "label_b");
            other.put("kw_match", ColumnType.STRING);
            other.put("text_sim", ColumnType.DOUBLE);
        } else {
            throw new IllegalArgumentException(WHO + ": no column types for '" + file + "'");
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (String c : ints) {
            types.put(c, ColumnType.INTEGER);
        }
        types.putAll(other);
        return types;
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
        throw new IllegalArgumentException(
                WHO + ": no dataset '" + name + "' (has: " + String.join(", ", names()) + ")");
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
