package org.mlcycle.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import org.mlcycle.toolkit.deploy.*;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.report.Json;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.Table;

/**
 * Scoring throughput and latency over HTTP on loopback: a logistic-regression ad model registered
 * in a scratch journal and served by {@link ScoringServer}, driven by 1 and 4 concurrent JDK HTTP
 * clients with 1-row and 100-row requests. Prints one JSON line per case: requests/s, rows/s, p50
 * and p99 latency in ms. A last case holds {@value #HALF_OPEN} connections that sent half a request
 * (half a head, or a head and part of its body) and times {@code GET /health} meanwhile: a slow or
 * stalled client must not delay anyone else. Arguments: {@code [seconds per case, default 5]}.
 */
public final class ServeBench {
    /** Half-open connections held during the health case. */
    static final int HALF_OPEN = 50;

    private ServeBench() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        TribuoLogging.quiet();
        AdWorld world = AdWorld.standard();
        Table train = world.features(Source.TARGETED, Period.TWO_MONTHS_AGO, 20_000);
        Table traffic = world.features(Source.TARGETED, Period.YESTERDAY, 5_000);
        FeatureOptions options = FeatureOptions.of(
                "label_a",
                List.of("text_sim", "landing_score", "past_ctr", "n_tokens"),
                List.of("kw_match", "intent", "brand_rel", "device"));
        ServingModel model = ServingModel.train(train, options, new LogisticRegressionTrainer());
        Path folder = Files.createTempDirectory("mlcycle-serve-bench");
        try (Journal journal = Journal.open(folder.resolve("journal.sqlite"))) {
            ModelRegistry registry = ModelRegistry.in(journal);
            registry.register("ads", model, train, Map.of(), "benchmark");
            ModelRelease release = registry.load("ads");
            try (ScoringServer server = ScoringServer.start(release, 0)) {
                for (int rows : new int[] {1, 100}) {
                    List<String> bodies = new ArrayList<>();
                    for (int from = 0; from + rows <= traffic.rowCount(); from += rows) {
                        bodies.add(JsonRows.write(traffic, release.input(), from, from + rows));
                    }
                    for (int clients : new int[] {1, 4}) {
                        run(server.url(), bodies, clients, 1.0); // warm-up: JIT, connections
                        System.out.println(Json.compact(record(
                                run(server.url(), bodies, clients, seconds).withCase(rows, clients))));
                    }
                }
                System.out.println(Json.compact(healthUnderHalfOpen(server.url(), HALF_OPEN, 200)));
            }
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Result(long requests, double seconds, double[] latencyMs, int rowsPerRequest, int clients) {
        Result withCase(int rows, int clients) {
            return new Result(requests, seconds, latencyMs, rows, clients);
        }
    }

    private static Result run(URI url, List<String> bodies, int clients, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                final int offset = c;
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    double[] ms = new double[1024];
                    int n = 0;
                    for (int k = offset; System.nanoTime() < end; k += clients) {
                        HttpRequest request = HttpRequest.newBuilder(url.resolve("/predict"))
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(k % bodies.size())))
                                .build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double took = (System.nanoTime() - t0) / 1e6;
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("answer " + answer.statusCode() + ": " + answer.body());
                        }
                        if (n == ms.length) ms = Arrays.copyOf(ms, 2 * n);
                        ms[n++] = took;
                    }
                    return Arrays.copyOf(ms, n);
                }));
            }
            List<double[]> parts = new ArrayList<>();
            for (Future<double[]> f : futures) parts.add(f.get());
            double elapsed = (System.nanoTime() - start) / 1e9;
            double[] all = parts.stream().flatMapToDouble(Arrays::stream).toArray();
            return new Result(all.length, elapsed, all, 0, clients);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Opens {@code held} connections that send an incomplete request and keep quiet, then asks
     * {@code GET /health} {@code probes} times on fresh connections (3 s socket timeout; stops after
     * 3 timeouts) and reports the latency. Half the held connections stop inside the head, half
     * inside a body shorter than its {@code Content-Length}.
     */
    static Map<String, Object> healthUnderHalfOpen(URI url, int held, int probes) throws IOException {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < held; i++) {
                Socket s = new Socket(url.getHost(), url.getPort());
                open.add(s);
                String half = i % 2 == 0
                        ? "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"
                        : "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n[{\"bid\"";
                s.getOutputStream().write(half.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            double[] ms = new double[probes];
            int n = 0, timeouts = 0;
            for (int k = 0; k < probes && timeouts < 3; k++) {
                long t0 = System.nanoTime();
                try (Socket s = new Socket(url.getHost(), url.getPort())) {
                    s.setSoTimeout(3000);
                    s.getOutputStream()
                            .write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                    if (!answer.startsWith("HTTP/1.1 200")) {
                        throw new IllegalStateException("/health answered: " + answer);
                    }
                    ms[n++] = (System.nanoTime() - t0) / 1e6;
                } catch (SocketTimeoutException e) {
                    timeouts++;
                }
            }
            double[] sorted = Arrays.copyOf(ms, n);
            Arrays.sort(sorted);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "serve");
            out.put("case", "health_with_half_open_connections");
            out.put("half_open", held);
            out.put("health_requests", n);
            out.put("timeouts_3s", timeouts);
            out.put("p50_ms", ms3(percentile(sorted, 0.50)));
            out.put("p99_ms", ms3(percentile(sorted, 0.99)));
            out.put("max_ms", n == 0 ? Double.NaN : ms3(sorted[n - 1]));
            return out;
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** Milliseconds to three decimals; NaN (no sample) stays NaN, printed as null. */
    private static double ms3(double ms) {
        return Double.isNaN(ms) ? ms : Math.round(ms * 1000) / 1000.0;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static Map<String, Object> record(Result r) {
        double[] sorted = r.latencyMs().clone();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "serve");
        out.put("rows_per_request", r.rowsPerRequest());
        out.put("clients", r.clients());
        out.put("requests", r.requests());
        out.put("requests_per_s", Math.round(r.requests() / r.seconds() * 10) / 10.0);
        out.put("rows_per_s", Math.round(r.requests() * r.rowsPerRequest() / r.seconds() * 10) / 10.0);
        out.put("p50_ms", Math.round(percentile(sorted, 0.50) * 1000) / 1000.0);
        out.put("p99_ms", Math.round(percentile(sorted, 0.99) * 1000) / 1000.0);
        return out;
    }
}
