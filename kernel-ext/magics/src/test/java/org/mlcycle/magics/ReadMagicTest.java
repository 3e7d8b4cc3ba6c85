package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.io.csv.CsvResult;
import tech.tablesaw.api.Table;

/** %read NAME PATH: the table lands in a variable, the quarantine report is what the cell shows. */
class ReadMagicTest {
    /** Keeps defined variables in a map, as the kernel keeps them in JShell. */
    private static final class Defined implements Notebook {
        final Map<String, Object> vars = new HashMap<>();

        @Override
        public Object variable(String name) {
            return vars.get(name);
        }

        @Override
        public Object run(String code) {
            throw new UnsupportedOperationException(code);
        }

        @Override
        public void define(String name, Class<?> type, Object value) {
            assertTrue(type.isInstance(value));
            vars.put(name, value);
        }

        @Override
        public void show(Object value) {}

        @Override
        public Object result(Object value) {
            return value;
        }
    }

    @Test
    void definesTheTableAndShowsBadRowsWithTheirLines(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("clicks.tsv");
        Files.writeString(f, "ad_id\tclicks\n1\t3\n2\tNA\n3\n");
        Defined nb = new Defined();

        CsvResult r = assertInstanceOf(
                CsvResult.class, DatasetMagics.read(nb, List.of("clicks", f.toString(), "--missing", "NA")));

        Table t = assertInstanceOf(Table.class, nb.vars.get("clicks"));
        assertEquals(2, t.rowCount());
        assertEquals(1, t.column("clicks").countMissing());
        assertEquals(4, r.quarantine().rejected().get(0).line());
        String html = VariablesKernel.mlcycle().html(r);
        assertTrue(html.contains("expected 2 fields, found 1"), html);
    }

    @Test
    void aBinaryFileFailsTheCellWithTheFileAndWhy(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ads.csv");
        Files.write(f, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> DatasetMagics.read(new Defined(), List.of("ads", f.toString())));
        assertTrue(e.getMessage().contains("'ads.csv' is not CSV text: it looks like gzip"), e.getMessage());
    }

    @Test
    void namesTheUsageWhenThePathIsMissing() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DatasetMagics.read(new Defined(), List.of("ads")));
        assertTrue(e.getMessage().contains("%read NAME PATH"), e.getMessage());
    }
}
