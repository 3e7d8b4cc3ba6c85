package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * {@link Datasets#read} goes through the toolkit's CSV reader. Every committed file gives the table
 * that Tablesaw's own reader gave the lessons before (the generated table's column types, "" as
 * missing): same column names, types, missing cells and values.
 */
class DatasetsReaderTest {

    /** Tablesaw's reader, as {@code Datasets.read} called it before. */
    private static Table tablesaw(Path dir, String name, String file) {
        ColumnType[] types = Datasets.load(name).emptyCopy().typeArray();
        if (file.endsWith(".tsv")) {
            // the KDD Cup layout: DisplayURL is a 64-bit hash, a long column (as AdLogs read it before)
            types[Datasets.load(name).columnNames().indexOf("DisplayURL")] = ColumnType.LONG;
        }
        CsvReadOptions.Builder options = CsvReadOptions.builder(
                        dir.resolve(file).toFile())
                .columnTypes(types)
                .missingValueIndicator("");
        if (file.endsWith(".tsv")) {
            options.separator('\t').header(false);
        }
        Table t = Table.read().usingOptions(options.build());
        if (file.endsWith(".tsv")) {
            List<String> names = Datasets.load(name).columnNames();
            for (int c = 0; c < names.size(); c++) {
                t.column(c).setName(names.get(c));
            }
        }
        return t;
    }

    private static List<String> schema(Table t) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            out.add(c.name() + " " + c.type().name() + " missing=" + c.countMissing());
        }
        return out;
    }

    @Test
    void everyCommittedFileReadsAsTablesawReadIt() {
        Path dir = DatasetFilesTest.committed();
        for (DatasetFiles.Spec spec : DatasetFiles.SPECS) {
            Table before = tablesaw(dir, spec.dataset(), spec.file());
            Table after = Datasets.read(dir, spec.dataset());
            assertEquals(schema(before), schema(after), spec.file());
            assertEquals(before.rowCount(), after.rowCount(), spec.file());
            for (int c = 0; c < before.columnCount(); c++) {
                Column<?> b = before.column(c);
                Column<?> a = after.column(c);
                for (int r = 0; r < before.rowCount(); r++) {
                    assertEquals(b.getString(r), a.getString(r), spec.file() + " " + b.name() + " row " + r);
                    if (b.type() == ColumnType.DOUBLE && !b.isMissing(r)) {
                        assertEquals(
                                before.doubleColumn(c).getDouble(r),
                                after.doubleColumn(c).getDouble(r),
                                0.0,
                                spec.file() + " " + b.name() + " row " + r);
                    }
                }
            }
        }
    }
}
