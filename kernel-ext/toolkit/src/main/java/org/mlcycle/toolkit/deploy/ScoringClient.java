package org.mlcycle.toolkit.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The ad server's side of a {@link ScoringServer}, on the JDK's HTTP client: learns the model and
 * its input fields from {@code /health}, sends table rows as JSON and reads the predictions back as
 * a table with the same columns in-process scoring adds ({@code prediction}, {@code p_<class>}).
 */
public final class ScoringClient {
    private final HttpClient http;
    private final URI base;
    private final InputSchema inputs;

    private ScoringClient(HttpClient http, URI base, InputSchema inputs) {
        this.http = http;
        this.base = base;
        this.inputs = inputs;
    }

    /** An answer: which model version scored, and its predictions, one row per request row. */
    public record Answer(String model, int version, Table predictions) {}

    /** Connects to the server at {@code base} ({@code http://127.0.0.1:PORT}) and reads its input fields. */
    public static ScoringClient connect(URI base) {
        Require.that(base != null, "scoring client", "the server address is null");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ScoringClient probe = new ScoringClient(http, base, null);
        HttpResponse<String> health =
                probe.send(HttpRequest.newBuilder(base.resolve("/health")).GET());
        Require.that(
                health.statusCode() == 200,
                "scoring client",
                "%s/health answered %d: %s",
                base,
                health.statusCode(),
                health.body());
        JsonObject inputs =
                JsonParser.parseString(health.body()).getAsJsonObject().getAsJsonObject("inputs");
        Map<String, String> columns = new LinkedHashMap<>();
        inputs.entrySet().forEach(e -> columns.put(e.getKey(), e.getValue().getAsString()));
        return new ScoringClient(http, base, new InputSchema(columns));
    }

    /** The input fields the server reads. */
    public InputSchema inputs() {
        return inputs;
    }

    public URI base() {
        return base;
    }

    /** Scores every row of {@code rows} in one request. */
    public Answer score(Table rows) {
        return score(rows, 0, rows.rowCount());
    }

    /** Scores rows {@code from} (inclusive) to {@code to} (exclusive) in one request; fails on any answer but 200. */
    public Answer score(Table rows, int from, int to) {
        Require.that(
                0 <= from && from < to && to <= rows.rowCount(),
                "scoring client",
                "rows %d..%d are not inside table '%s' of %d rows",
                from,
                to,
                rows.rowCount(),
                rows.name(),
                rows.rowCount());
        HttpResponse<String> response = post(JsonRows.write(rows, inputs, from, to));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "scoring client: " + base + "/predict answered " + response.statusCode() + ": " + response.body());
        }
        return answer(response.body());
    }

    /** Sends {@code json} to {@code /predict} as it is and returns the raw answer (status and body). */
    public HttpResponse<String> post(String json) {
        return send(HttpRequest.newBuilder(base.resolve("/predict"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("scoring client: no answer from " + base + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scoring client: interrupted while waiting for " + base, e);
        }
    }

    /** Reads a 200 answer's predictions into a table. */
    static Answer answer(String body) {
        JsonObject root = JsonParser.parseString(body).getAsJsonObject();
        JsonArray predictions = root.getAsJsonArray("predictions");
        int n = predictions.size();
        StringColumn predicted = StringColumn.create(Features.PREDICTION, n);
        Map<String, DoubleColumn> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            JsonObject row = predictions.get(i).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : row.entrySet()) {
                if (e.getKey().equals(Features.PREDICTION)) {
                    predicted.set(i, e.getValue().getAsString());
                } else {
                    probabilities
                            .computeIfAbsent(e.getKey(), k -> DoubleColumn.create(k, n))
                            .set(i, e.getValue().getAsDouble());
                }
            }
        }
        Table table = Table.create("scored over HTTP", predicted);
        probabilities.values().forEach(table::addColumns);
        return new Answer(root.get("model").getAsString(), root.get("version").getAsInt(), table);
    }
}
