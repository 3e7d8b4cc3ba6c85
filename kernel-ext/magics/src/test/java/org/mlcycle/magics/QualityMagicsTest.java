package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaAnomaly;
import org.mlcycle.toolkit.quality.SchemaReport;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class QualityMagicsTest {
    private final VariablesKernel kernel = VariablesKernel.mlcycle();

    private static Table ads(String name, String[] devices, double... bids) {
        return Table.create(name, StringColumn.create("device", devices), DoubleColumn.create("bid", bids));
    }

    private static final Table ADS = ads("ads", new String[] {"mobile", "desktop", "mobile", "tablet"}, 1, 2, 3, 40);

    @Test
    @DisplayName("%profile returns the table's profile, shown as HTML naming every column")
    void profileShowsEveryColumn() throws Exception {
        kernel.with("ads", ADS);

        ProfileReport report = assertInstanceOf(ProfileReport.class, kernel.line("profile", "ads"));

        assertEquals(4, report.rows());
        assertEquals(
                List.of("device", "bid"),
                report.columns().stream().map(c -> c.name()).toList());
        String html = kernel.html(report);
        assertTrue(html.contains("device") && html.contains("bid"), html);
        assertTrue(kernel.displayed.isEmpty(), "mlcycle's kernel shows the returned value; nothing displayed twice");
    }

    @Test
    @DisplayName("on a kernel that drops magic values (stock JJava) %profile displays its report instead")
    void profileOnStockJJava() throws Exception {
        VariablesKernel stock = VariablesKernel.stock().with("ads", ADS);

        Object value = stock.line("profile", "ads");

        assertNull(value, "stock JJava drops a magic's value; the report was displayed");
        assertEquals(1, stock.displayed.size());
        String html = (String) stock.displayed.get(0).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("device") && html.contains("bid"), html);
    }

    @Test
    @DisplayName("%profile --bins and --ignore reach the profile")
    void profileOptions() throws Exception {
        kernel.with("ads", ADS);

        ProfileReport report = (ProfileReport) kernel.line("profile", "ads", "--bins", "5", "--ignore=device");

        assertEquals(5, report.options().bins());
        assertEquals(
                List.of("bid"), report.columns().stream().map(c -> c.name()).toList());
    }

    @Test
    @DisplayName("%profile without a table, or with a bad option, says what is wrong and how to call it")
    void profileUsage() {
        kernel.with("ads", ADS);

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> kernel.line("profile"));
        IllegalArgumentException bins =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "ads", "--bins", "many"));
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "ads", "--color", "red"));

        assertEquals("missing TABLE; usage: " + QualityMagics.PROFILE_USAGE, none.getMessage());
        assertEquals(
                "--bins needs a whole number, not 'many'; usage: " + QualityMagics.PROFILE_USAGE, bins.getMessage());
        assertTrue(
                unknown.getMessage().startsWith("unknown option --color; usage: %profile TABLE"), unknown.getMessage());
    }

    @Test
    @DisplayName("a name that is no variable, holds another type, or holds null gets one line naming it")
    void badVariables() {
        kernel.with("ads2", "ads.csv").with("nothing", null);

        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "nope"));
        IllegalArgumentException string =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "ads2"));
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "nothing"));

        assertEquals("no variable 'nope' in the notebook", missing.getMessage());
        assertEquals("'ads2' is String, not a Tablesaw Table", string.getMessage());
        assertEquals("'nothing' is null, not a Tablesaw Table", empty.getMessage());
    }

    @Test
    @DisplayName("%profile --ignore of a column the table lacks passes the toolkit's message through")
    void profileUnknownColumn() {
        kernel.with("ads", ADS);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "ads", "--ignore", "price"));

        assertEquals("profile: no column 'price' in table 'ads' (has: device, bid)", e.getMessage());
    }

    @Test
    @DisplayName("%checks runs checks kept in a variable on a table and names the failing rows")
    void checks() throws Exception {
        Checks adChecks = Checks.named("ad batch").isComplete("device").isBetween("bid", 0, 10);
        kernel.with("ads", ADS).with("adChecks", adChecks).with("n", 1);

        CheckReport report = assertInstanceOf(CheckReport.class, kernel.line("checks", "ads", "adChecks"));

        assertFalse(report.passed());
        assertEquals(1, report.failures().size());
        assertEquals(3, report.failures().get(0).failingRows().get(0).row(), "bid 40 in row 3");
        assertTrue(kernel.html(report).contains("isBetween(bid, 0, 10)"), kernel.html(report));
        IllegalArgumentException notChecks =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("checks", "ads", "n"));
        assertEquals("'n' is Integer, not Checks", notChecks.getMessage());
    }

    @Test
    @DisplayName("%%checks parses the cell as a check spec and runs it on the table")
    void checksCell() throws Exception {
        kernel.with("ads", ADS);

        CheckReport report = assertInstanceOf(
                CheckReport.class, kernel.cell("checks", "device not null\nbid between 0 and 10\nrows >= 4\n", "ads"));
        CheckReport named = (CheckReport) kernel.cell("checks", "rows = 4", "ads", "batch");

        assertEquals(3, report.results().size());
        assertEquals(1, report.failures().size());
        assertEquals(3, report.failures().get(0).failingRows().get(0).row(), "bid 40 in row 3");
        assertTrue(named.passed());
        assertTrue(named.toText().startsWith("checks 'batch'"), named.toText());
    }

    @Test
    @DisplayName("%%checks names the line of a bad constraint or an unknown column; an empty cell is a usage error")
    void checksCellErrors() {
        kernel.with("ads", ADS);

        IllegalArgumentException column = assertThrows(
                IllegalArgumentException.class, () -> kernel.cell("checks", "device not null\nprice >= 0", "ads"));
        IllegalArgumentException syntax =
                assertThrows(IllegalArgumentException.class, () -> kernel.cell("checks", "bid => 0", "ads"));
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> kernel.cell("checks", "\n  \n", "ads"));

        assertEquals(
                "checks: line 2: no column 'price' in table 'ads' (has: device, bid) (line: price >= 0)",
                column.getMessage());
        assertTrue(
                syntax.getMessage().startsWith("checks: line 1: after 'bid' expected not null"), syntax.getMessage());
        assertEquals(
                "no constraints below the magic line; usage: " + QualityMagics.CHECKS_CELL_USAGE, empty.getMessage());
    }

    @Test
    @DisplayName("%schema REF infers a schema; %schema REF BATCH lists how the batch departs from it")
    void schemaInferAndValidate() throws Exception {
        Table batch = ads("batch", new String[] {"mobile", "smart-tv", "mobile"}, 2, 3, 4);
        kernel.with("ads", ADS).with("batch", batch);

        Schema schema = assertInstanceOf(Schema.class, kernel.line("schema", "ads"));
        SchemaReport report = assertInstanceOf(SchemaReport.class, kernel.line("schema", "ads", "batch"));

        assertEquals("ads", schema.source());
        assertEquals(
                List.of("desktop", "mobile", "tablet"), schema.column("device").domain());
        assertFalse(report.valid());
        SchemaAnomaly unseen =
                report.anomalies(SchemaAnomaly.Kind.UNSEEN_CATEGORIES).get(0);
        assertEquals("device", unseen.column());
        assertTrue(kernel.html(report).contains("smart-tv"), kernel.html(report));
    }

    @Test
    @DisplayName("%schema validates against a Schema kept in a variable, and --ranges flags out-of-range numbers")
    void schemaFromVariableAndRanges() throws Exception {
        Table batch = ads("batch", new String[] {"mobile"}, 400);
        kernel.with("ads", ADS).with("batch", batch);
        Schema withRanges = (Schema) kernel.line("schema", "--ranges", "ads");
        kernel.with("kept", withRanges);

        SchemaReport plain = (SchemaReport) kernel.line("schema", "ads", "batch");
        SchemaReport ranged = (SchemaReport) kernel.line("schema", "kept", "batch");

        assertTrue(plain.valid(), plain.toText());
        assertEquals(
                "bid", ranged.anomalies(SchemaAnomaly.Kind.OUT_OF_RANGE).get(0).column());
        IllegalArgumentException notTable = assertThrows(
                IllegalArgumentException.class, () -> kernel.with("n", 3).line("schema", "n"));
        assertEquals("'n' is Integer, not a Tablesaw Table or a Schema", notTable.getMessage());
    }
}
