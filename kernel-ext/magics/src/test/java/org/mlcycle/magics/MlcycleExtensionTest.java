package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.dflib.jjava.jupyter.Extension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

class MlcycleExtensionTest {

    @Test
    @DisplayName("a kernel's ServiceLoader finds the extension in this jar")
    void foundByServiceLoader() {
        List<String> found = ServiceLoader.load(Extension.class).stream()
                .map(p -> p.type().getName())
                .collect(Collectors.toList());

        assertTrue(found.contains(MlcycleExtension.class.getName()), found.toString());
    }

    @Test
    @DisplayName("the default imports cover Tablesaw, XChart and the toolkit's report and journal packages")
    void defaultImportsListed() {
        List<String> imports = MlcycleExtension.defaultImports();

        assertTrue(imports.contains("import tech.tablesaw.api.*;"));
        assertTrue(imports.contains("import org.knowm.xchart.*;"));
        assertTrue(imports.contains("import org.mlcycle.toolkit.report.*;"));
        assertTrue(imports.contains("import org.mlcycle.toolkit.journal.*;"));
        assertTrue(imports.stream().noneMatch(i -> i.contains("toolkit.nosuch")), imports.toString());
    }

    @Test
    @DisplayName("every default import compiles in a real JShell, and a cell can then use Table unqualified")
    void defaultImportsCompileInJShell() throws URISyntaxException {
        String classpath = String.join(
                File.pathSeparator, location(Table.class), location(XYChart.class), location(Rendered.class));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(classpath);
            for (String statement : MlcycleExtension.defaultImports()) {
                List<SnippetEvent> events = shell.eval(statement);
                assertEquals(Snippet.Status.VALID, events.get(0).status(), statement);
            }

            List<SnippetEvent> events = shell.eval("Table.create(\"t\").name()");
            List<SnippetEvent> journal = shell.eval("Stage.parse(\"data\").number()");

            // names in two imported packages must not be ambiguous (java.time.Period, a journal and a profile alert)
            shell.eval("import java.time.*;");
            List<SnippetEvent> period = shell.eval("Period.YESTERDAY.lastDay()");
            List<SnippetEvent> alert = shell.eval("Alert.class.getPackageName()");

            assertEquals("\"t\"", events.get(0).value(), String.valueOf(events.get(0)));
            assertEquals("-1", period.get(0).value(), String.valueOf(period.get(0)));
            assertEquals("\"org.mlcycle.toolkit.journal\"", alert.get(0).value(), String.valueOf(alert.get(0)));
            assertEquals("2", journal.get(0).value(), "the journal package is imported: " + journal.get(0));
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    @Test
    @DisplayName("a fact is a display of the course's own MIME type only, so nothing of it is drawn")
    void factDisplayHasNoTextForm() throws Exception {
        org.dflib.jjava.jupyter.kernel.display.DisplayData d =
                MlcycleExtension.factDisplay(java.util.Map.of("kappa", 0.52));
        assertTrue(d.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(
                org.mlcycle.toolkit.report.Facts.MIME_TYPE)));
        assertTrue(!d.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)
                && !d.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
    }
}
