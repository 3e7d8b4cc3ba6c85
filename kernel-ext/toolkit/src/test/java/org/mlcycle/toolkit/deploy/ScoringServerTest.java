package org.mlcycle.toolkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.journal.Journal;
import tech.tablesaw.api.Table;

class ScoringServerTest {
    @TempDir
    static Path dir;

    static Journal journal;
    static ModelRelease release;
    static ScoringServer server;
    static ScoringClient client;
    static Table traffic;

    @BeforeAll
    static void serve() {
        Table train = Traffic.days(1, 5, 400, 99, 11);
        journal = Journal.open(dir.resolve("journal.sqlite"));
        ModelRegistry registry = ModelRegistry.in(journal);
        registry.register("ads", Traffic.train(train), train, Map.of(), null);
        registry.register("ads", Traffic.train(train.first(900)), train.first(900), Map.of(), null);
        release = registry.load("ads@2");
        server = ScoringServer.start(release, 0);
        client = ScoringClient.connect(server.url());
        traffic = Traffic.days(6, 8, 300, 7, 12);
        traffic.intColumn("slot").set(3, 9); // a level never seen in training: "(other)" on both sides
        traffic.doubleColumn("bid").setMissing(5); // missing: the training median on both sides
    }

    @AfterAll
    static void stop() {
        server.stop();
        journal.close();
    }

    @Test
    void rowsScoredOverHttpGetExactlyTheNotebooksProbabilities() {
        ParityReport parity = Parity.check(release, traffic, client, 7);
        assertEquals(traffic.rowCount(), parity.identicalRows(), parity.toText());
        assertEquals(0.0, parity.maxAbsDifference());
        assertEquals(List.of("ads@2"), parity.versionsAnswered());
        assertTrue(parity.identical());
    }

    @Test
    void badRequestsGet400WithTheFieldNamedAndTheServerKeepsServing() throws Exception {
        String good = JsonRows.write(traffic, release.input(), 0, 1);
        Map<String, String> bad = Map.of(
                "[{\"bid\": 5.0, \"slot\": 1, \"device\": \"mobile\"",
                "malformed JSON",
                "{\"bid\": 5.0, \"device\": \"mobile\"}",
                "field 'slot' is missing",
                "{\"bid\": 5.0, \"slot\": 1, \"device\": \"mobile\", \"price\": 3}",
                "unknown field 'price'",
                "{\"bid\": \"high\", \"slot\": 1, \"device\": \"mobile\"}",
                "field 'bid' must be a number, got \"high\"",
                "[{\"bid\": 5.0, \"slot\": 1, \"device\": \"mobile\"}, {\"bid\": 5.0, \"slot\": 1.5, \"device\": \"tv\"}]",
                "row 1: field 'slot' must be a whole number",
                "{\"bid\": 5.0, \"slot\": 1, \"device\": 7}",
                "field 'device' must be a string",
                "[]",
                "no rows",
                "{\"bid\": NaN, \"slot\": 1, \"device\": \"mobile\"}",
                "malformed JSON");
        for (var e : bad.entrySet()) {
            HttpResponse<String> answer = client.post(e.getKey());
            assertEquals(400, answer.statusCode(), e.getKey());
            JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
            assertTrue(body.get("error").getAsString().contains(e.getValue()), e.getKey() + " -> " + answer.body());
            assertEquals(2, body.get("version").getAsInt(), "every answer names the version");
            assertEquals(200, client.post(good).statusCode(), "the server still serves after: " + e.getKey());
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(server.url().resolve("/predict")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        HttpResponse<String> elsewhere = http.send(
                HttpRequest.newBuilder(server.url().resolve("/score")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, elsewhere.statusCode());
        JsonObject health = JsonParser.parseString(http.send(
                                HttpRequest.newBuilder(server.url().resolve("/health"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .getAsJsonObject();
        assertEquals("ok", health.get("status").getAsString());
        assertEquals("ads", health.get("model").getAsString());
        assertTrue(health.get("rejected").getAsLong() >= bad.size() + 2, health.toString());
    }

    @Test
    void aThousandRequestsFromFourThreadsAreAllAnsweredWithTheirOwnRows() throws Exception {
        double[] expected = release.predict(traffic).doubleColumn("p_1").asDoubleArray();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    ScoringClient mine = ScoringClient.connect(server.url());
                    int right = 0;
                    for (int k = 0; k < 250; k++) {
                        int row = (thread * 250 + k) % traffic.rowCount();
                        double p = mine.score(traffic, row, row + 1)
                                .predictions()
                                .doubleColumn("p_1")
                                .get(0);
                        right += Double.compare(p, expected[row]) == 0 ? 1 : 0;
                    }
                    return right;
                }));
            }
            int answered = 0;
            for (Future<Integer> f : results) {
                answered += f.get();
            }
            assertEquals(1000, answered);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoppedServerFreesItsPort() throws Exception {
        try (ScoringServer other = ScoringServer.start(release, 0)) {
            URI url = other.url();
            other.stop();
            try (ScoringServer again = ScoringServer.start(release, url.getPort())) {
                assertEquals(url.getPort(), again.port());
                assertEquals(release.input(), ScoringClient.connect(again.url()).inputs());
            }
        }
    }
}
