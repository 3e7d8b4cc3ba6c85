package org.mlcycle.kernel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.kernel.KernelSettings;
import org.mlcycle.kernel.MlcycleKernel;

/**
 * A warm spare rehearses its first requests over its own loopback channels before a notebook
 * claims it: the notebook must then find the kernel as a fresh one (first cell [1], its own history,
 * the startup problems shown in its first cell), served over a new connection.
 */
class RehearsalTest {
    @TempDir
    Path dir;

    @Test
    void theNotebookAfterARehearsalSeesAFreshKernel() throws Exception {
        Path history = dir.resolve("history.jsonl");
        MlcycleKernel kernel = MlcycleKernel.create(KernelSettings.fromEnvironment(Map.of(
                "MLCYCLE_HISTORY", history.toString(),
                // a startup problem the notebook's first cell must still show
                "IJAVA_CLASSPATH", dir.resolve("missing.jar").toString())));
        kernel.onStartup();
        kernel.awaitStartup();

        assertTrue(Rehearsal.run(kernel, 3), "the rehearsal's requests were answered");

        try (Rehearsal.Loopback notebook = Rehearsal.Loopback.open(kernel, 60_000)) {
            assertNotNull(notebook.request("kernel_info_request", new JsonObject()));
            JsonObject cell = new JsonObject();
            cell.addProperty("code", "40 + 2");
            cell.addProperty("silent", false);
            cell.addProperty("store_history", true);
            cell.add("user_expressions", new JsonObject());
            cell.addProperty("allow_stdin", false);
            cell.addProperty("stop_on_error", true);
            JsonObject reply = notebook.request("execute_request", cell);
            assertNotNull(reply, "the notebook's cell was answered on the new connection");
            assertEquals("ok", reply.get("status").getAsString());
            assertEquals(1, reply.get("execution_count").getAsInt(), "the rehearsal took no execution count");
            String printed = notebook.printed(notebook.lastId());
            assertTrue(
                    printed.contains("nothing matches"),
                    "the startup problem is shown in the notebook's first cell: " + printed);
        }
        List<String> lines = Files.readAllLines(history);
        assertEquals(1, lines.stream().filter(l -> l.contains("\"line\"")).count(), "one history line: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("40 + 2")), lines.toString());
    }
}
