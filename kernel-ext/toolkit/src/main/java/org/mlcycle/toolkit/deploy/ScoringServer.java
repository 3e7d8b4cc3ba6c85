package org.mlcycle.toolkit.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.deploy.RequestParser.Request;
import org.mlcycle.toolkit.i18n.Messages;
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
 * <p>Slow or broken clients cannot hold it up: requests are read without blocking by
 * {@link HttpFront} (why not the JDK's own server is said there) and only complete ones reach the
 * scoring threads; the limits and timeouts are {@link ServeOptions}. A production service would
 * still sit behind a real web server.
 */
public final class ScoringServer implements AutoCloseable, Rendered {
    private static final Logger LOG = Logger.getLogger(ScoringServer.class.getName());

    private final ModelRelease release;
    private final ServeOptions options;
    private final String specHash;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rowsScored = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private HttpFront front;
    private volatile String lastError = "";
    private volatile boolean running;

    private ScoringServer(ModelRelease release, ServeOptions options) {
        this.release = release;
        this.options = options;
        this.specHash = release.model().spec().contentHash();
    }

    /** Serves {@code release} on 127.0.0.1:{@code port} (0 picks a free port) with {@link ServeOptions#defaults()}. */
    public static ScoringServer start(ModelRelease release, int port) {
        return start(release, port, ServeOptions.defaults());
    }

    /** Serves with {@code workers} scoring threads and the default limits. */
    public static ScoringServer start(ModelRelease release, int port, int workers) {
        Require.that(workers >= 1, "serve", "need at least one worker thread, got %d", workers);
        return start(release, port, ServeOptions.defaults().withWorkers(workers));
    }

    /** Serves with the threads and limits of {@code options}. */
    public static ScoringServer start(ModelRelease release, int port, ServeOptions options) {
        Require.that(release != null, "serve", "the model is null");
        Require.that(options != null, "serve", "the options are null");
        Require.that(port >= 0 && port <= 65535, "serve", "port %d is not between 0 and 65535", port);
        ScoringServer s = new ScoringServer(release, options);
        try {
            s.front = HttpFront.start(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    options,
                    s.new Routes(),
                    "mlcycle-serve-" + release.ref());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "serve: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
        s.running = true;
        return s;
    }

    public ModelRelease release() {
        return release;
    }

    /** The threads and limits this server runs with. */
    public ServeOptions options() {
        return options;
    }

    public int port() {
        return front.port();
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

    /** Stops listening (the port is free on return) and waits up to a second for answers in flight. */
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        front.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Which path answers what: cheap answers on the I/O thread, scoring on a worker. */
    private final class Routes implements HttpFront.Handler {
        @Override
        public HttpFront.Response quick(Request r) {
            return switch (r.path()) {
                case "/predict" ->
                    r.method().equals("POST")
                            ? null
                            : answer(
                                    405,
                                    error("/predict takes POST with JSON rows, not " + r.method()),
                                    "Allow",
                                    "POST");
                case "/health" -> r.method().equals("HEAD") ? health().withoutBody() : health();
                default -> notFound(r.path());
            };
        }

        @Override
        public HttpFront.Response work(Request r) {
            return predict(r);
        }

        @Override
        public HttpFront.Response reject(int status, String message) {
            lastError = message;
            return answer(status, error(message));
        }
    }

    private HttpFront.Response predict(Request request) {
        try {
            Table rows = JsonRows.read(utf8(request.body()), release.input());
            Table scored = release.predict(rows);
            rowsScored.addAndGet(rows.rowCount());
            return answer(200, predictions(scored));
        } catch (BadRequest e) {
            lastError = e.getMessage();
            return answer(e.status(), error(e.getMessage()));
        } catch (RuntimeException e) {
            // the model or the transform failed on rows that passed the checks: our fault, not the client's
            LOG.log(Level.WARNING, "scoring failed", e);
            lastError = String.valueOf(e.getMessage());
            return answer(500, error("scoring failed: " + e.getMessage()));
        }
    }

    /** The body as text; bytes that are not UTF-8 are a 400 naming the first bad byte's offset. */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            StringBuilder bytes = new StringBuilder();
            for (int i = at; i < Math.min(body.length, at + Math.max(1, result.length())); i++) {
                bytes.append(bytes.length() == 0 ? "" : " ")
                        .append(String.format(Locale.ROOT, "0x%02X", body[i] & 0xff));
            }
            throw new BadRequest("the body is not valid UTF-8: byte " + bytes + " at offset " + at + " (of "
                    + body.length + "); send JSON encoded as UTF-8");
        }
        return out.flip().toString();
    }

    private HttpFront.Response health() {
        Map<String, Object> out = head();
        out.put("status", "ok");
        out.put("spec_hash", specHash);
        out.put("inputs", release.input().columns());
        out.put("requests", requests.get());
        out.put("rows_scored", rowsScored.get());
        out.put("rejected", rejected.get());
        return answer(200, out);
    }

    private HttpFront.Response notFound(String path) {
        String message = "no such path " + path + "; use /predict or /health";
        lastError = message;
        return answer(404, error(message));
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
            if (name.startsWith(Features.PROBABILITY_PREFIX)
                    && !release.input().columns().containsKey(name)) {
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

    private HttpFront.Response answer(int status, Map<String, Object> body, String... fields) {
        requests.incrementAndGet();
        if (status >= 400 && status < 500) {
            rejected.incrementAndGet();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Model-Version", release.ref());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            headers.put(fields[i], fields[i + 1]);
        }
        return new HttpFront.Response(status, headers, Json.compact(body).getBytes(StandardCharsets.UTF_8));
    }

    private String headline() {
        return headline("en");
    }

    /** The one-line state in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.server.headline",
                Messages.in(language, running ? "report.server.serving" : "report.server.stopped"),
                release.ref(),
                url(),
                requests.get(),
                rowsScored.get(),
                rejected.get());
    }

    @Override
    public String toText() {
        return headline() + "\n  POST " + url() + "/predict  JSON row or array of rows with: "
                + String.join(", ", release.input().columns().keySet())
                + "\n  GET  " + url() + "/health\n  limits: " + limits("en")
                + (lastError.isEmpty() ? "" : "\n  last rejected: " + lastError);
    }

    /** The limits in a line: threads, body, head, time. */
    private String limits(String language) {
        return Messages.in(
                language,
                "report.server.limits",
                options.workers(),
                options.queue(),
                bytes(options.maxBodyBytes()),
                bytes(options.maxHeadBytes()),
                options.maxHeaders(),
                options.requestTimeout().toMillis() % 1000 == 0
                        ? options.requestTimeout().toSeconds() + " s"
                        : options.requestTimeout().toMillis() + " ms");
    }

    private static String bytes(long n) {
        return n % (1 << 20) == 0 ? n / (1 << 20) + " MiB" : n % (1 << 10) == 0 ? n / (1 << 10) + " KiB" : n + " bytes";
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        release.input().columns().forEach((c, t) -> rows.add(List.of(c, t)));
        String language = Messages.language();
        return "<div" + Messages.dirAttribute() + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                + Html.escape(headline(language)) + "</b></p><p style=\"margin:0 0 4px 0\"><code>POST "
                + Html.escape(url() + "/predict") + "</code> " + Html.escape(Messages.get("report.server.usage"))
                + " <code>GET " + Html.escape(url() + "/health") + "</code><br/>"
                + Html.escape(Messages.get("report.server.limitsLine", limits(language)))
                + (lastError.isEmpty()
                        ? ""
                        : "<br/>" + Html.escape(Messages.get("report.server.lastRejected", lastError)))
                + "</p>" + Html.table(Html.headers("report.server.", "inputField", "type"), rows) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = head();
        r.put("url", url().toString());
        r.put("running", running);
        r.put("workers", options.workers());
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
