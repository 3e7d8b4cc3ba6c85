package org.mlcycle.kernel.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.mlcycle.kernel.KernelSettings;
import org.mlcycle.kernel.MlcycleKernel;
import org.mlcycle.kernel.connection.KernelConnection;

/**
 * Runs a kernel without a connection through a few typical cells and exits. The installer runs it
 * with {@code -XX:ArchiveClassesAtExit} so the classes a kernel loads at start go into a
 * class-data-sharing archive, which later kernel starts map instead of loading one by one. It is
 * the fallback for an install with no Python that has jupyter_client: with no client, the
 * protocol's message classes stay out of the archive (see ClassDataArchive).
 */
final class Warmup {
    private Warmup() {}

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

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
            // Bind and close the channels once, so ZeroMQ's classes are in the archive too.
            KernelConnection connection = new KernelConnection(new KernelConnectionProperties(
                    "127.0.0.1",
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    "tcp",
                    "hmac-sha256",
                    "warmup"));
            kernel.connect(connection);
            connection.connect();
            connection.close();
        } finally {
            Files.deleteIfExists(history);
        }
    }
}
