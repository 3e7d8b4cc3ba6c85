package org.mlcycle.kernel.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mlcycle.kernel.KernelSettings;
import org.mlcycle.kernel.MlcycleKernel;

/**
 * Runs a kernel without a connection through a few typical cells and exits. The installer runs it
 * with {@code -XX:ArchiveClassesAtExit} so the classes a kernel loads at start go into a
 * class-data-sharing archive, which later kernel starts map instead of loading one by one. It is
 * the fallback for an install with no Python that has jupyter_client; its {@link Rehearsal} puts the
 * protocol's classes in the archive as a client's requests would (see ClassDataArchive).
 */
final class Warmup {
    private Warmup() {}

    static void run() throws Exception {
        Path history = Files.createTempFile("mlcycle-warmup", ".jsonl");
        try {
            KernelSettings defaults =
                    KernelSettings.fromEnvironment(java.util.Map.of("MLCYCLE_HISTORY", history.toString()));
            MlcycleKernel kernel = MlcycleKernel.create(defaults);
            kernel.onStartup();
            kernel.awaitStartup();
            kernel.evalRaw("int x = 1 + 1;");
            kernel.evalRaw(
                    "List<String> names = new ArrayList<>(List.of(\"a\", \"b\")); names.stream().map(String::toUpperCase).toList()");
            kernel.getRenderer().render(kernel.evalRaw("\"text\""));
            kernel.complete("names.str", 9);
            kernel.isComplete("for (int i = 0; i < 3; i++) {");
            // the protocol's first requests over loopback, so its classes are in the archive too
            Rehearsal.run(kernel, 1);
        } finally {
            Files.deleteIfExists(history);
        }
    }
}
