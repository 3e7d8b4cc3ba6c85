package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashAndConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a writer killed with SIGKILL mid-loop leaves a sound journal holding every record it committed")
    void killedWriterLosesNothingCommitted() throws Exception {
        Path file = dir.resolve(".mlcycle/journal.sqlite");
        Path errors = dir.resolve("writer.err");
        Process writer = JournalWriterProcess.start(file, "k", 0, errors);
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = JournalWriterProcess.lines(writer)) {
            String line;
            while ((line = out.readLine()) != null) {
                committed.add(line);
                if (line.startsWith("run ") && Integer.parseInt(line.substring(4)) >= 120) {
                    writer.toHandle()
                            .destroyForcibly(); // SIGKILL on Linux; unlike Process.destroy, keeps our pipe open
                    break;
                }
            }
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer is gone");
            // lines printed before the kill took effect are commits too
            while ((line = out.readLine()) != null) {
                committed.add(line);
            }
        }
        assertTrue(
                committed.size() > 120,
                "the writer got going: " + committed.size() + " lines; stderr: " + Files.readString(errors));
        assertTrue(committed.stream().noneMatch("end"::equals), "it was killed, not finished");

        try (Journal journal = Journal.open(file)) {
            assertEquals("ok", journal.integrityCheck());
            Set<String> notes =
                    journal.stageMoves().stream().map(StageMove::note).collect(Collectors.toSet());
            Map<String, Run> runs = new HashMap<>();
            journal.runs().forEach(r -> runs.put(r.name(), r));
            for (String line : committed) {
                String[] parts = line.split(" ");
                int i = Integer.parseInt(parts[1]);
                switch (parts[0]) {
                    case "stage" -> assertTrue(notes.contains("k-" + i), line);
                    case "run" -> {
                        Run run = runs.get("k-" + i);
                        assertEquals("finished", run.status(), line);
                        assertEquals(Map.of("value", (double) i), run.metrics(), line);
                        assertEquals(Map.of("round", Integer.toString(i)), run.params(), line);
                    }
                    case "snapshot" ->
                        assertEquals(
                                ContentHash.of(JournalWriterProcess.table(i)),
                                ContentHash.of(journal.restore("data-k@" + parts[2])),
                                line);
                    case "open" ->
                        assertEquals(
                                Map.of("round", (double) i),
                                journal.run(Long.parseLong(parts[2])).metrics(),
                                line);
                    default -> throw new AssertionError("unexpected line " + line);
                }
            }
            // the journal still takes writes after the crash
            journal.stage(Stage.MONITORING, "after the crash");
            assertEquals("ok", journal.integrityCheck());
        }
    }

    @Test
    @DisplayName("two processes writing 60 rounds each to one journal lose nothing")
    void twoProcessesLoseNothing() throws Exception {
        Path file = dir.resolve("shared.sqlite");
        int rounds = 60;
        Process a = JournalWriterProcess.start(file, "a", rounds, dir.resolve("a.err"));
        Process b = JournalWriterProcess.start(file, "b", rounds, dir.resolve("b.err"));
        List<String> aLines = drain(a);
        List<String> bLines = drain(b);
        assertEquals(0, a.waitFor(), () -> "writer a failed: " + read(dir.resolve("a.err")));
        assertEquals(0, b.waitFor(), () -> "writer b failed: " + read(dir.resolve("b.err")));
        assertEquals("end", aLines.get(aLines.size() - 1));
        assertEquals("end", bLines.get(bLines.size() - 1));

        try (Journal journal = Journal.open(file)) {
            assertEquals("ok", journal.integrityCheck());
            assertEquals(2 * rounds, journal.stageMoves().size());
            assertEquals(4 * rounds, journal.runs().size(), "a recorded and an open run per round per writer");
            Set<String> names = journal.runs().stream().map(Run::name).collect(Collectors.toSet());
            for (int i = 0; i < rounds; i++) {
                assertTrue(names.contains("a-" + i) && names.contains("b-" + i), "round " + i);
            }
            assertEquals(
                    rounds / 5,
                    journal.datasets().stream()
                            .filter(d -> d.name().equals("data-a"))
                            .count());
            assertEquals(
                    List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                    journal.datasets().stream()
                            .filter(d -> d.name().equals("data-b"))
                            .map(DatasetVersion::version)
                            .collect(Collectors.toList()));
        }
    }

    @Test
    @DisplayName("two Journal instances on one file, written from two threads, keep all 400 stage moves")
    void twoInstancesInOneProcess() throws Exception {
        Path file = dir.resolve("threads.sqlite");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Journal first = Journal.open(file);
                Journal second = Journal.open(file)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Journal j : List.of(first, second)) {
                String who = j == first ? "first" : "second";
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        j.stage(Stage.DATA, who + "-" + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            Set<String> notes = new HashSet<>();
            first.stageMoves().forEach(m -> notes.add(m.note()));
            assertEquals(400, notes.size());
            assertEquals(400, second.stageMoves().size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> drain(Process p) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = JournalWriterProcess.lines(p)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
