package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;

class MagicTableTest {
    @TempDir
    Path dir;

    private final MagicsRegistry registry = new MagicsRegistry();
    private final MagicTable table = MagicTable.create();
    private final List<String> ran = new ArrayList<>();
    private JournalMagics journal;

    private List<MagicSpec> registerAll() {
        journal = new JournalMagics(() -> dir.resolve(".mlcycle/journal.sqlite"));
        MagicSet magics = new MagicSet(registry, Optional.of(table), kernel -> {
            ran.add("notebook");
            throw new AssertionError("the magic ran");
        });
        return MlcycleExtension.magics(magics, journal, new DeployMagics(journal), new ExerciseMagics(journal));
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    @DisplayName(
            "every magic the extension registers, aliases included, has a usage in the table, and every usage a magic")
    void everyNameHasAUsageAndEveryUsageAMagic() {
        List<MagicSpec> specs = registerAll();

        Set<String> described = new TreeSet<>();
        for (MagicSpec s : table.specs()) {
            for (String name : s.names()) {
                described.add(s.kind().sign() + name);
                Set<String> registered =
                        s.kind() == MagicSpec.Kind.LINE ? registry.getLineMagicNames() : registry.getCellMagicNames();
                assertTrue(registered.contains(name), s.kind().sign() + name + " has a usage but no magic");
            }
            assertTrue(
                    s.usage().startsWith(s.kind().sign() + s.name() + " ")
                            || s.usage().equals(s.kind().sign() + s.name()),
                    "usage starts with the name: " + s.usage());
        }
        Set<String> registered = new TreeSet<>();
        registry.getLineMagicNames().forEach(n -> registered.add("%" + n));
        registry.getCellMagicNames().forEach(n -> registered.add("%%" + n));
        assertEquals(registered, described);
        assertEquals(specs.size(), table.specs().size());
        assertTrue(registered.size() >= 34, registered.toString());
    }

    @Test
    @DisplayName("every magic that needs arguments, called bare, fails with its usage and runs nothing")
    void bareCallsShowTheUsageAndDoNothing() throws Exception {
        registerAll();

        int needing = 0;
        for (MagicSpec s : table.specs()) {
            if (s.minArgs() == 0) {
                continue;
            }
            for (String name : s.names()) {
                needing++;
                IllegalArgumentException e = assertThrows(
                        IllegalArgumentException.class,
                        () -> {
                            if (s.kind() == MagicSpec.Kind.LINE) {
                                registry.evalLineMagic(null, name, List.of());
                            } else {
                                registry.evalCellMagic(null, name, List.of(), "x");
                            }
                        },
                        s.kind().sign() + name);
                assertTrue(e.getMessage().endsWith("usage: " + s.usage()), e.getMessage());
            }
        }
        assertTrue(needing >= 25, "magics that need arguments: " + needing);
        assertEquals(List.of(), ran, "no magic reached the notebook");
        assertFalse(Files.exists(dir.resolve(".mlcycle")), "no journal was created");
    }

    @Test
    @DisplayName(
            "%check, the exercises' old name, still checks an answer as %check_answer, and says it is the old name")
    void checkIsAnAliasOfCheckAnswer() {
        registerAll();

        MagicSpec spec = table.lookup("check").get(0);
        assertEquals("check_answer", spec.name());
        assertTrue(spec.usage().contains("%check, its old name"), spec.usage());
        assertEquals(List.of(spec), table.lookup("%check_answer"));
        assertEquals("checks", table.lookup("checks").get(0).name(), "the data rules keep %checks");
    }

    @Test
    @DisplayName("without a kernel table (stock JJava) the extension registers the same magics")
    void stockKernelGetsTheMagicsWithoutATable() {
        journal = new JournalMagics(() -> dir.resolve(".mlcycle/journal.sqlite"));
        List<MagicSpec> specs = MlcycleExtension.magics(registry, journal);

        assertTrue(registry.getLineMagicNames().containsAll(List.of("check", "check_answer", "profile", "datasets")));
        assertTrue(registry.getCellMagicNames().containsAll(List.of("checks", "track", "objective")));
        assertFalse(specs.isEmpty());
        assertTrue(table.specs().isEmpty(), "nothing was described to a table that is not the kernel's");
    }
}
