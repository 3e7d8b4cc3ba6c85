package org.mlcycle.kernel.launch;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.mlcycle.kernel.MlcycleKernel;
import org.mlcycle.kernel.connection.KernelConnection;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A kernel's first requests, played once before any notebook is connected: the kernel binds its own
 * channels on loopback ports with a random key, and a client in this JVM sends a kernel_info
 * request and a silent cell of {@code 1} over ZeroMQ and waits for both replies. A warm spare does
 * it before it waits, so the first requests of its notebook do not pay for the protocol's cold code
 * (binding, signing, parsing, the first cell's path), and the in-process warm-up does it so those
 * classes reach the class-data-sharing archive. The silent cell takes no execution count, no
 * history line and none of the startup problems a notebook's first cell shows.
 */
final class Rehearsal {
    private Rehearsal() {}

    /**
     * Plays a kernel_info request and {@code cells} silent cells; false when a reply did not come in
     * time (the kernel is then served as is).
     */
    static boolean run(MlcycleKernel kernel, int cells) throws Exception {
        try (Loopback client = Loopback.open(kernel, 20_000)) {
            if (client.request("kernel_info_request", new JsonObject()) == null) {
                return false;
            }
            for (int i = 0; i < cells; i++) {
                JsonObject cell = new JsonObject();
                cell.addProperty("code", CELLS.get(i % CELLS.size()));
                cell.addProperty("silent", true);
                cell.addProperty("store_history", false);
                cell.add("user_expressions", new JsonObject());
                cell.addProperty("allow_stdin", false);
                cell.addProperty("stop_on_error", false);
                if (client.request("execute_request", cell) == null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Expressions only: a rehearsal leaves no variable, method or class in the notebook. */
    private static final List<String> CELLS = List.of(
            "1", "\"a\" + 1", "Math.max(2, 3) * 2", "List.of(1, 2, 3).size()", "new StringBuilder(\"x\").length()");

    /**
     * The kernel's channels on loopback ports with a random key, and a shell client of them in this
     * JVM. Closing it closes both and puts back the process's standard streams, which a cell points
     * at its notebook for good.
     */
    static final class Loopback implements AutoCloseable {
        private final KernelConnection connection;
        private final HMACGenerator hmac;
        private final ZMQ.Context context = ZMQ.context(1);
        private final ZMQ.Socket shell;
        private final ZMQ.Socket iopub;
        private final String session = UUID.randomUUID().toString();
        private String lastId;
        private final PrintStream out = System.out, err = System.err;
        private final InputStream in = System.in;

        private Loopback(
                KernelConnection connection, HMACGenerator hmac, KernelConnectionProperties props, int replyMillis) {
            this.connection = connection;
            this.hmac = hmac;
            shell = context.socket(SocketType.DEALER);
            shell.setReceiveTimeOut(replyMillis);
            shell.setLinger(0);
            shell.connect("tcp://127.0.0.1:" + props.getShellPort());
            iopub = context.socket(SocketType.SUB);
            iopub.setLinger(0);
            iopub.setReceiveTimeOut(replyMillis);
            iopub.subscribe(new byte[0]);
            iopub.connect("tcp://127.0.0.1:" + props.getIopubPort());
        }

        /** Binds {@code kernel}'s channels on free loopback ports and connects a client. */
        static Loopback open(MlcycleKernel kernel, int replyMillis) throws Exception {
            JsonObject spec = new JsonObject();
            spec.addProperty("ip", "127.0.0.1");
            spec.addProperty("transport", "tcp");
            spec.addProperty("signature_scheme", "hmac-sha256");
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key); // nextBytes never blocks, generateSeed may
            spec.addProperty("key", HexFormat.of().formatHex(key));
            List<String> names = List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port");
            int[] ports = freePorts(names.size());
            for (int i = 0; i < ports.length; i++) {
                spec.addProperty(names.get(i), ports[i]);
            }
            KernelConnectionProperties props = KernelConnectionProperties.parse(spec.toString());
            KernelConnection connection = new KernelConnection(props);
            try {
                kernel.connect(connection);
                connection.connect();
                return new Loopback(connection, props.createHMACGenerator(), props, replyMillis);
            } catch (Exception | Error e) {
                connection.close(); // a port taken meanwhile: nothing of this connection stays open
                throw e;
            }
        }

        /** Sends one request and returns its reply's content, or null when no reply came in time. */
        JsonObject request(String type, JsonObject content) {
            JsonObject header = new JsonObject();
            String id = UUID.randomUUID().toString();
            lastId = id;
            header.addProperty("msg_id", id);
            header.addProperty("session", session);
            header.addProperty("username", "mlcycle");
            header.addProperty("date", Instant.now().toString());
            header.addProperty("msg_type", type);
            header.addProperty("version", "5.3");
            byte[][] parts = {utf8(header.toString()), utf8("{}"), utf8("{}"), utf8(content.toString())};
            shell.sendMore("<IDS|MSG>");
            shell.sendMore(hmac.calculateSignature(parts));
            shell.sendMore(parts[0]);
            shell.sendMore(parts[1]);
            shell.sendMore(parts[2]);
            shell.send(parts[3]);
            while (true) {
                List<String> frames = frames(shell);
                if (frames == null) {
                    return null;
                }
                int at = frames.indexOf("<IDS|MSG>");
                if (at >= 0 && frames.size() > at + 5) {
                    JsonObject parent =
                            JsonParser.parseString(frames.get(at + 3)).getAsJsonObject();
                    if (parent.has("msg_id") && id.equals(parent.get("msg_id").getAsString())) {
                        return JsonParser.parseString(frames.get(at + 5)).getAsJsonObject();
                    }
                }
            }
        }

        /**
         * The text of the stream messages published for the request {@code id} (as {@link #request}
         * sent it), read until that request's idle status: what the cell printed.
         */
        String printed(String id) {
            StringBuilder text = new StringBuilder();
            while (true) {
                List<String> frames = frames(iopub);
                if (frames == null) {
                    return text.toString();
                }
                int at = frames.indexOf("<IDS|MSG>");
                if (at < 0 || frames.size() <= at + 5) {
                    continue;
                }
                JsonObject parent = JsonParser.parseString(frames.get(at + 3)).getAsJsonObject();
                if (!parent.has("msg_id") || !id.equals(parent.get("msg_id").getAsString())) {
                    continue;
                }
                String type = JsonParser.parseString(frames.get(at + 2))
                        .getAsJsonObject()
                        .get("msg_type")
                        .getAsString();
                JsonObject content = JsonParser.parseString(frames.get(at + 5)).getAsJsonObject();
                if (type.equals("stream")) {
                    text.append(content.get("text").getAsString());
                } else if (type.equals("status")
                        && "idle".equals(content.get("execution_state").getAsString())) {
                    return text.toString();
                }
            }
        }

        /** The id of the last request sent. */
        String lastId() {
            return lastId;
        }

        @Override
        public void close() {
            try {
                shell.close();
                iopub.close();
                context.close();
                connection.close();
            } finally {
                System.setOut(out);
                System.setErr(err);
                System.setIn(in);
            }
        }
    }

    /** The frames of the next message on {@code socket} as text, or null when none came in time. */
    private static List<String> frames(ZMQ.Socket socket) {
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        frames.add(new String(first, StandardCharsets.UTF_8));
        while (socket.hasReceiveMore()) {
            frames.add(new String(socket.recv(), StandardCharsets.UTF_8));
        }
        return frames;
    }

    /**
     * {@code n} distinct free loopback ports: all held open while they are chosen, since a port
     * just closed can be handed out again by the next request for any free port.
     */
    static int[] freePorts(int n) throws java.io.IOException {
        List<java.net.ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (java.net.ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
