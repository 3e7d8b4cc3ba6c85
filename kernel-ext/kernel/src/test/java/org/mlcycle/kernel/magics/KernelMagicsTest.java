package org.mlcycle.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.hooks.KernelClasspath;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;

class KernelMagicsTest {
    private final MagicsRegistry registry = new MagicsRegistry();
    private final MagicTable table = MagicTable.create();

    KernelMagicsTest() {
        KernelMagics.register(
                registry,
                new MavenResolver(),
                table,
                new KernelClasspath() {
                    @Override
                    public List<String> addedClasspath() {
                        return List.of();
                    }

                    @Override
                    public void addToClasspath(List<String> paths) {}
                },
                () -> List.of("static org.mlcycle.kernel.NotebookStatics.*", "java.util.*", "tech.tablesaw.api.*"));
    }

    @Test
    @DisplayName("%imports lists what the notebook imports, one per line")
    void importsListed() throws Exception {
        Object shown = registry.evalLineMagic(null, "imports", List.of());
        assertEquals("static org.mlcycle.kernel.NotebookStatics.*\njava.util.*\ntech.tablesaw.api.*", shown.toString());
    }

    @Test
    @DisplayName("every kernel magic name, IJava's aliases included, has a usage, and every usage a magic")
    void everyNameHasAUsageAndEveryUsageAMagic() {
        Set<String> described = new TreeSet<>();
        for (MagicSpec s : table.specs()) {
            for (String name : s.names()) {
                described.add(s.kind().sign() + name);
            }
            assertTrue(s.usage().startsWith(s.kind().sign() + s.name()), s.usage());
        }
        Set<String> registered = new TreeSet<>();
        registry.getLineMagicNames().forEach(n -> registered.add("%" + n));
        registry.getCellMagicNames().forEach(n -> registered.add("%%" + n));

        assertEquals(registered, described);
        assertTrue(
                registered.containsAll(List.of(
                        "%loadFromPOM",
                        "%load_from_pom", "%%loadFromPOM", "%mavenRepo", "%maven_repo", "%addMavenDependencies")),
                registered.toString());
    }

    @Test
    @DisplayName("a kernel magic that needs arguments, called bare, fails with its usage")
    void bareCallsShowTheUsage() {
        for (MagicSpec s : table.specs()) {
            if (s.minArgs() == 0 || s.kind() != MagicSpec.Kind.LINE) {
                continue;
            }
            for (String name : s.names()) {
                MagicUsageError e =
                        assertThrows(MagicUsageError.class, () -> registry.evalLineMagic(null, name, List.of()));
                assertTrue(e.getMessage().endsWith("usage: " + s.usage()), e.getMessage());
            }
        }
        MagicUsageError jars =
                assertThrows(MagicUsageError.class, () -> registry.evalLineMagic(null, "jars", List.of()));
        assertTrue(jars.getMessage().startsWith("%jars: missing PATH-OR-GLOB"), jars.getMessage());
    }

    @Test
    @DisplayName("%help NAME shows an extension's usage from the table, with how to quote names with spaces")
    void helpReadsExtensionUsage() {
        registry.registerLineMagic("profile", (k, a) -> "ran");
        table.describe(MagicSpec.line("profile", 1, "%profile TABLE [--bins N]  — per-column statistics"));
        registry.registerLineMagic("mystery", (k, a) -> "ran");

        String profile = KernelMagics.help(registry, table, List.of("profile")).text();
        String alias =
                KernelMagics.help(registry, table, List.of("%loadFromPOM")).text();
        String all = KernelMagics.help(registry, table, List.of()).text();
        String list = KernelMagics.lsmagic(registry, table).text();

        assertTrue(profile.startsWith("%profile TABLE [--bins N]  — per-column statistics"), profile);
        assertTrue(profile.contains("double quotes"), profile);
        assertFalse(profile.contains("call it with no arguments"), profile);
        assertTrue(
                alias.contains("%load_from_pom POM.xml")
                        && alias.contains("%%load_from_pom")
                        && alias.contains("%loadFromPOM is an older name of %load_from_pom"),
                alias);
        assertTrue(all.contains("%profile TABLE") && all.contains("%mystery"), all);
        assertTrue(
                list.contains("%load_from_pom (%loadFromPOM)")
                        && list.contains("%profile")
                        && list.contains("%mystery"),
                list);
        assertThrows(MagicUsageError.class, () -> KernelMagics.help(registry, table, List.of("nosuch")));
    }
}
