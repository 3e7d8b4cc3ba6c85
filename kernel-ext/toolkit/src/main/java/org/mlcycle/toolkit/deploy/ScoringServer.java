package org.mlcycle.toolkit.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Json;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A real HTTP scoring endpoint for one registered model version, on the loopback interface only.
 * {@code POST /predict} takes a JSON row object or an array of them (the model's input fields) and
 * answers the prediction and one {@code p_<class>} probability per row, through the stored feature
 * spec; {@code GET /health} answers the model and what it reads. Every answer names the model and
 * its version. A bad request gets 400 and a message; the server keeps serving.
 *
 * <p>The JDK's own {@code com.sun.net.httpserver} is enough here: one process, loopback clients, a
 * few hundred requests a second; it adds no dependency to the kernel, and its thread pool is ours
 * to size. A production service would sit behind a real web server.
 */
public final class ScoringServer implements AutoCloseable, Rendered {
    private static final Logger LOG = Logger.getLogger(ScoringServer.class.getName());
    /** The largest request body read; a larger one is answered 413. */
    static final int MAX_BODY = 8 << 20;

    static {
        // Small answers leave at once instead of waiting on Nagle's algorithm (read when the JDK's
        // server starts its first instance, so set it before that unless the user chose).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ModelRelease release;
    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rowsScored = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean running;

    private ScoringServer(ModelRelease release, HttpServer server, ExecutorService threads) {
        this.release = release;
        this.server = server;
        this.threads = threads;
    }

    /** Serves {@code release} on 127.0.0.1:{@code port} (0 picks a free port) with a few worker threads. */
    public static ScoringServer start(ModelRelease release, int port) {
        return start(release, port, Math.max(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Serves with {@code workers} threads. */
    public static ScoringServer start(ModelRelease release, int port, int workers) {
        Require.that(release != null, "serve", "the model is null");
        Require.that(port >= 0 && port <= 65535, "serve", "port %d is not between 0 and 65535", port);
        Require.that(workers >= 1, "serve", "need at least one worker thread, got %d", workers);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("serve: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "mlcycle-serve-" + release.ref() + "-" + n.incrementAndGet());
            t.setDaemon(true); // a forgotten server never keeps a JVM alive
            return t;
        });
        ScoringServer s = new ScoringServer(release, http, threads);
        http.createContext("/predict", s::predict);
        http.createContext("/health", s::health);
        http.createContext("/", s::notFound);
        http.setExecutor(threads);
        http.start();
        s.running = true;
        return s;
    }

    public ModelRelease release() {
        return release;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public boolean running() {
        return running;
    }

    /** Requests answered so far (good and bad). */
    public long requests() {
        return requests.get();
    }

    /** Requests answered 4xx so far. */
    public long rejected() {
        return rejected.get();
    }

    /** Stops listening and waits up to a second for answers in flight. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        server.stop(0);
        threads.shutdown();
        try {
            threads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void predict(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Map<String, Object> body;
            try {
                body = score(exchange);
            } catch (BadRequest e) {
                lastError = e.getMessage();
                status = e.status();
                body = error(e.getMessage());
            } catch (RuntimeException e) {
                // the model or the transform failed on rows that passed the checks: our fault, not the client's
                LOG.log(Level.WARNING, "scoring failed", e);
                lastError = String.valueOf(e.getMessage());
                status = 500;
                body = error("scoring failed: " + e.getMessage());
            }
            answer(exchange, status, body);
        }
    }

    private Map<String, Object> score(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/predict")) {
            throw new BadRequest(404, "no such path " + exchange.getRequestURI().getPath() + "; use /predict or /health");
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            throw new BadRequest(405, "/predict takes POST with JSON rows, not " + exchange.getRequestMethod());
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new BadRequest(413, "the body is larger than " + MAX_BODY + " bytes; send fewer rows per request");
        }
        Table rows = JsonRows.read(new String(body, StandardCharsets.UTF_8), release.input());
        Table scored = release.predict(rows);
        rowsScored.addAndGet(rows.rowCount());
        return predictions(scored);
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> out = head();
            out.put("status", "ok");
            out.put("spec_hash", release.model().spec().contentHash());
            out.put("inputs", release.input().columns());
            out.put("requests", requests.get());
            out.put("rows_scored", rowsScored.get());
            out.put("rejected", rejected.get());
            answer(exchange, 200, out);
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange, 404, error("no such path " + exchange.getRequestURI().getPath() + "; use /predict or /health"));
        }
    }

    private Map<String, Object> head() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", release.name());
        out.put("version", release.version());
        return out;
    }

    private Map<String, Object> error(String message) {
        Map<String, Object> out = head();
        out.put("error", message);
        return out;
    }

    private Map<String, Object> predictions(Table scored) {
        StringColumn predicted = scored.stringColumn(Features.PREDICTION);
        List<DoubleColumn> probabilities = new ArrayList<>();
        for (String name : scored.columnNames()) {
            if (name.startsWith(Features.PROBABILITY_PREFIX) && !release.input().columns().containsKey(name)) {
                probabilities.add(scored.doubleColumn(name));
            }
        }
        List<Object> rows = new ArrayList<>(scored.rowCount());
        for (int i = 0; i < scored.rowCount(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(Features.PREDICTION, predicted.get(i));
            for (DoubleColumn p : probabilities) {
                row.put(p.name(), p.get(i));
            }
            rows.add(row);
        }
        Map<String, Object> out = head();
        out.put("rows", scored.rowCount());
        out.put("predictions", rows);
        return out;
    }

    private void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        requests.incrementAndGet();
        if (status >= 400 && status < 500) {
            rejected.incrementAndGet();
        }
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-Model-Version", release.ref());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String headline() {
        return String.format(Locale.ROOT, "%s %s on %s: %d requests, %d rows scored, %d rejected",
                running ? "serving" : "stopped", release.ref(), url(), requests.get(), rowsScored.get(), rejected.get());
    }

    @Override
    public String toText() {
        return headline() + "\n  POST " + url() + "/predict  JSON row or array of rows with: "
                + String.join(", ", release.input().columns().keySet())
                + "\n  GET  " + url() + "/health" + (lastError.isEmpty() ? "" : "\n  last rejected: " + lastError);
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        release.input().columns().forEach((c, t) -> rows.add(List.of(c, t)));
        return "<div style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>" + Html.escape(headline())
                + "</b></p><p style=\"margin:0 0 4px 0\"><code>POST " + Html.escape(url() + "/predict")
                + "</code> with a JSON row or an array of rows; <code>GET " + Html.escape(url() + "/health")
                + "</code>" + (lastError.isEmpty() ? "" : "<br/>last rejected: " + Html.escape(lastError)) + "</p>"
                + Html.table(List.of("input field", "type"), rows) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = head();
        r.put("url", url().toString());
        r.put("running", running);
        r.put("requests", requests.get());
        r.put("rows_scored", rowsScored.get());
        r.put("rejected", rejected.get());
        return r;
    }

    @Override
    public String toString() {
        return headline();
    }
}
