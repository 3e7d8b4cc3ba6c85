package org.mlcycle.toolkit.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A second JVM that writes to a journal in a loop, as another kernel would. After each commit it
 * prints one line saying what it committed, so the parent knows what must survive a kill.
 * Arguments: journal file, writer name, number of rounds (0: until killed).
 */
public final class JournalWriterProcess {

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String writer = args[1];
        int rounds = Integer.parseInt(args[2]);
        try (Journal journal = Journal.open(file)) {
            for (int i = 0; rounds == 0 || i < rounds; i++) {
                journal.stage(Stage.values()[i % 6], writer + "-" + i);
                System.out.println("stage " + i);
                journal.record(
                        RunEntry.named(writer + "-" + i).withParam("round", i).withMetric("value", i));
                System.out.println("run " + i);
                if (i % 5 == 0) {
                    DatasetVersion v = journal.snapshot(table(i), "data-" + writer);
                    System.out.println("snapshot " + i + " " + v.version());
                }
                OpenRun open = journal.startRun("open-" + writer + "-" + i);
                open.metric("round", i);
                System.out.println("open " + i + " " + open.id());
                open.finish();
                System.out.flush();
            }
        }
        System.out.println("end");
    }

    /** The table written in round {@code i}: deterministic, so the parent can rebuild and compare it. */
    static Table table(int i) {
        int[] values = new int[50 + i];
        for (int r = 0; r < values.length; r++) {
            values[r] = r * i;
        }
        return Table.create("t", IntColumn.create("x", values));
    }

    /** Starts a writer process on the test classpath; its stderr goes to {@code errors}. */
    static Process start(Path file, String writer, int rounds, Path errors) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                JournalWriterProcess.class.getName(),
                file.toString(),
                writer,
                Integer.toString(rounds)));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
