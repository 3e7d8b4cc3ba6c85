package org.mlcycle.kernel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHistoryTest {
    @TempDir
    Path dir;

    @Test
    void eachStartIsANewSessionAndEarlierCellsAreKept() {
        Path file = dir.resolve("sub/history.jsonl");
        FileHistory first = FileHistory.open(file);
        assertEquals(1, first.session());
        first.store(1, "int a = 1;", null);
        first.store(2, "a + 1", "2");
        FileHistory second = FileHistory.open(file);
        assertEquals(2, second.session());
        second.store(1, "a * 3", null);
        List<HistoryEntry> tail = second.lookupTail(10, Set.of());
        assertEquals(
                List.of("int a = 1;", "a + 1", "a * 3"),
                tail.stream().map(HistoryEntry::getInput).toList());
        assertEquals("2", tail.get(1).getOutput());
    }

    @Test
    void rangeCountsSessionsBackFromTheCurrentOne() {
        Path file = dir.resolve("h.jsonl");
        FileHistory old = FileHistory.open(file);
        old.store(1, "old one", null);
        old.store(2, "old two", null);
        FileHistory now = FileHistory.open(file);
        now.store(1, "new one", null);
        assertEquals(List.of("new one"), inputs(now.lookupRange(0, 1, 0, Set.of())));
        assertEquals(List.of("old two"), inputs(now.lookupRange(-1, 2, 3, Set.of())));
        assertEquals(List.of("old one", "old two"), inputs(now.lookupRange(1, 1, 0, Set.of())));
    }

    @Test
    void searchMatchesGlobsAndUniqueKeepsTheLastOfEach() {
        FileHistory h = FileHistory.open(dir.resolve("h.jsonl"));
        h.store(1, "x = 1", null);
        h.store(2, "y = 2", null);
        h.store(3, "x = 1", null);
        assertEquals(List.of("x = 1", "x = 1"), inputs(h.search("x*", 10, EnumSet.noneOf(ResultFlag.class))));
        List<HistoryEntry> unique = h.search("x*", 10, EnumSet.of(ResultFlag.UNIQUE));
        assertEquals(1, unique.size());
        assertEquals(3, unique.get(0).getCellNumber());
        assertEquals(List.of("y = 2", "x = 1"), inputs(h.search("*", 2, EnumSet.noneOf(ResultFlag.class))));
    }

    @Test
    void aDamagedLineIsSkippedNotFatal() throws Exception {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, "{\"session\":1,\"line\":1,\"input\":\"ok\"}\nnot json\n{\"session\":1}\n");
        FileHistory h = FileHistory.open(file);
        assertEquals(List.of("ok"), inputs(h.lookupTail(5, Set.of())));
        assertEquals(2, h.session());
    }

    @Test
    void aLongHistoryIsNumberedFromItsEndAndStillFullyReadable() throws Exception {
        Path file = dir.resolve("long.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int session = 1; session <= 400; session++) {
            for (int line = 1; line <= 50; line++) {
                lines.append("{\"session\":")
                        .append(session)
                        .append(",\"line\":")
                        .append(line)
                        .append(",\"input\":\"cell ")
                        .append(session)
                        .append('.')
                        .append(line)
                        .append("\"}\n");
            }
        }
        Files.writeString(file, lines.toString()); // 20,000 cells, far more than the tail read at start
        FileHistory h = FileHistory.open(file);
        assertEquals(401, h.session());
        h.store(1, "new cell", null);
        assertEquals(List.of("cell 400.50", "new cell"), inputs(h.lookupTail(2, Set.of())));
        assertEquals(List.of("cell 7.3"), inputs(h.lookupRange(7, 3, 4, Set.of())));
    }

    @Test
    void longOutputsAreCutSoTheFileStaysSmall() throws Exception {
        Path file = dir.resolve("out.jsonl");
        FileHistory h = FileHistory.open(file);
        h.store(1, "big", "x".repeat(1_000_000));
        String output = FileHistory.open(file)
                .lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT))
                .get(0)
                .getOutput();
        assertEquals(FileHistory.MAX_OUTPUT_CHARS + 1, output.length());
        assertEquals(true, Files.size(file) < 10_000);
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void kernelsStartedTogetherGetTheirOwnSessionsAndTails() throws Exception {
        Path file = dir.resolve("shared.jsonl");
        FileHistory a = FileHistory.open(file);
        FileHistory b = FileHistory.open(file);
        FileHistory c = FileHistory.open(file);
        assertEquals(
                3,
                java.util.stream.Stream.of(a, b, c)
                        .map(FileHistory::session)
                        .distinct()
                        .count());
        for (int i = 1; i <= 3; i++) {
            a.store(i, "a" + i, null);
            b.store(i, "b" + i, null);
            c.store(i, "c" + i, null);
        }
        assertEquals(
                List.of("a1", "a2", "a3"),
                a.lookupTail(10, EnumSet.noneOf(ResultFlag.class)).stream()
                        .map(HistoryEntry::getInput)
                        .toList());
        assertEquals(
                List.of("b1", "b2", "b3"),
                b.lookupTail(10, EnumSet.noneOf(ResultFlag.class)).stream()
                        .map(HistoryEntry::getInput)
                        .toList());
        FileHistory later = FileHistory.open(file);
        assertEquals(
                9,
                later.lookupTail(100, EnumSet.noneOf(ResultFlag.class)).size(),
                "a kernel started afterwards sees them all");
        // the three claim beside their starts, in any order; a later start claims after them all
        assertEquals(
                java.util.stream.Stream.of(a, b, c)
                                .mapToInt(FileHistory::session)
                                .max()
                                .orElseThrow()
                        + 1,
                later.session());
    }

    /**
     * Kernels are processes: the file's lock, not the JVM's monitor, must keep two of them from
     * reading the same last session. Three processes claim sessions at once, as fast as they can.
     */
    @Test
    void processesClaimingAtOnceNeverShareASession() throws Exception {
        Path file = dir.resolve("processes.jsonl");
        int each = 25;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new java.util.ArrayList<>();
        for (int p = 0; p < 3; p++) {
            processes.add(new ProcessBuilder(
                            javaBin,
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ClaimSessions.class.getName(),
                            file.toString(),
                            String.valueOf(each))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        List<Integer> sessions = new java.util.ArrayList<>();
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            out.lines().map(Integer::parseInt).forEach(sessions::add);
        }
        assertEquals(3 * each, sessions.size());
        assertEquals(3 * each, sessions.stream().distinct().count(), "sessions claimed twice: " + sessions);
        assertEquals(3 * each + 1, FileHistory.open(file).session());
    }
}
