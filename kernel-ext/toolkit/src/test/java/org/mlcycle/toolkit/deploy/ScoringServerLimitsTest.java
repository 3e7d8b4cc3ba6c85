package org.mlcycle.toolkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.journal.Journal;
import tech.tablesaw.api.Table;

/**
 * What a client on the same machine can do to the scoring server over raw sockets: hold requests
 * half-sent, break the chunked framing, send bytes that are not UTF-8, send huge heads, promise a
 * body it never sends. Each gets an answer naming the problem, and nobody else waits for it.
 * Socket timeouts are generous bounds so a broken server fails the test instead of hanging it.
 */
@Timeout(120)
class ScoringServerLimitsTest {
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    @TempDir
    static Path dir;

    static Journal journal;
    static ModelRelease release;
    static ScoringServer server;
    static String good;

    @BeforeAll
    static void serve() {
        Table train = Traffic.days(1, 5, 400, 99, 11);
        journal = Journal.open(dir.resolve("journal.sqlite"));
        ModelRegistry registry = ModelRegistry.in(journal);
        registry.register("ads", Traffic.train(train), train, Map.of(), null);
        release = registry.load("ads@1");
        server = ScoringServer.start(release, 0, 2);
        good = JsonRows.write(Traffic.days(6, 6, 10, 7, 12), release.input(), 0, 1);
    }

    @AfterAll
    static void stop() {
        server.stop();
        journal.close();
    }

    /** Status code and body of a raw answer. */
    record Answer(int status, String head, String body) {
        String error() {
            return JsonParser.parseString(body).getAsJsonObject().get("error").getAsString();
        }
    }

    /** Sends {@code request} on a new connection, half-closes, and reads the answer to the end. */
    static Answer send(ScoringServer to, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", to.port())) {
            s.setSoTimeout(SOCKET_TIMEOUT_MS);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            s.shutdownOutput();
            return read(s);
        }
    }

    static Answer read(Socket s) throws IOException {
        String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(all.startsWith("HTTP/1.1 "), "no HTTP answer: '" + all + "'");
        int split = all.indexOf("\r\n\r\n");
        return new Answer(Integer.parseInt(all.substring(9, 12)), all.substring(0, split), all.substring(split + 4));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String post(String fields) {
        return "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + fields;
    }

    /** A good row through the JDK client: the server still scores. */
    static void stillScores(ScoringServer to) throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(to.url().resolve("/predict"))
                                .timeout(Duration.ofMillis(SOCKET_TIMEOUT_MS))
                                .POST(HttpRequest.BodyPublishers.ofString(good))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"predictions\""), answer.body());
    }

    @Test
    void healthAndScoringAnswerWhileFiftyClientsHoldHalfARequest() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                held.add(s);
                s.getOutputStream()
                        .write(
                                ascii(
                                        i % 2 == 0
                                                ? "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"
                                                : "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n[{\"bid\""));
                s.getOutputStream().flush();
            }
            Answer health = send(server, ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            assertEquals(200, health.status(), health.body());
            JsonObject body = JsonParser.parseString(health.body()).getAsJsonObject();
            assertEquals("ok", body.get("status").getAsString());
            stillScores(server); // two workers, fifty stalled clients: scoring goes on too
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void chunkedBodiesAreScoredAndAMalformedOneGets400() throws Exception {
        byte[] row = good.getBytes(StandardCharsets.UTF_8);
        int half = row.length / 2;
        String chunked = post("Transfer-Encoding: chunked\r\n\r\n")
                + Integer.toHexString(half) + "\r\n" + new String(row, 0, half, StandardCharsets.UTF_8) + "\r\n"
                + Integer.toHexString(row.length - half) + ";ext=1\r\n"
                + new String(row, half, row.length - half, StandardCharsets.UTF_8)
                + "\r\n0\r\n\r\n";
        Answer scored = send(server, chunked.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, scored.status(), scored.body());
        assertTrue(scored.body().contains("\"predictions\""), scored.body());

        Map<String, String> malformed = Map.of(
                "zz\r\n{}\r\n0\r\n\r\n", "chunk size 'zz' is not a hexadecimal number at byte 0",
                "2\r\n{}}}\r\n0\r\n\r\n", "a chunk's data is longer than its size (no line end after it) at byte 5",
                "2\r\n{}\r\n-1\r\n\r\n", "chunk size '-1' is not a hexadecimal number at byte 7");
        for (var e : malformed.entrySet()) {
            Answer answer = send(server, ascii(post("Transfer-Encoding: chunked\r\n\r\n") + e.getKey()));
            assertEquals(400, answer.status(), e.getKey() + " -> " + answer.body());
            assertTrue(answer.error().startsWith("malformed chunked body: "), answer.body());
            assertTrue(answer.error().contains(e.getValue()), answer.body());
            assertTrue(answer.head().contains("X-Model-Version: ads@1"), answer.head());
        }
        stillScores(server);
    }

    @Test
    void aBodyThatIsNotUtf8Gets400NamingTheByteAndItsOffset() throws Exception {
        byte[] row = good.getBytes(StandardCharsets.UTF_8);
        int at = good.indexOf('"', good.indexOf(':', good.indexOf("\"device\""))) + 1; // inside the device's value
        byte[] bad = Arrays.copyOf(row, row.length);
        bad[at] = (byte) 0xC3; // starts a two-byte sequence...
        bad[at + 1] = (byte) 0x28; // ...that this byte does not continue
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(server.url().resolve("/predict"))
                                .timeout(Duration.ofMillis(SOCKET_TIMEOUT_MS))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bad))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        String error = JsonParser.parseString(answer.body())
                .getAsJsonObject()
                .get("error")
                .getAsString();
        assertTrue(error.contains("not valid UTF-8: byte 0xC3 at offset " + at), error);

        byte[] truncated = Arrays.copyOf(row, row.length + 1);
        truncated[row.length] = (byte) 0xE2; // a three-byte sequence cut off by the end of the body
        assertTrue(send(server, withBody(truncated)).error().contains("byte 0xE2 at offset " + row.length));
    }

    static byte[] withBody(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(post("Content-Length: " + body.length + "\r\n\r\n")));
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Test
    void aOneMegabyteHeaderOrTenThousandHeadersGet431AndTheServerGoesOn() throws Exception {
        Answer big = send(server, ascii(post("X-Big: " + "a".repeat(1 << 20) + "\r\nContent-Length: 2\r\n\r\n{}")));
        assertEquals(431, big.status(), big.body());
        assertTrue(
                big.error().contains("request head (request line and header fields) is larger than 16384 bytes"),
                big.body());

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        Answer lots = send(server, ascii(post(many + "\r\n")));
        assertEquals(431, lots.status(), lots.body());
        assertTrue(lots.error().contains("more than 100 header fields"), lots.body());

        Answer huge = send(server, ascii(post("Content-Length: 900000000\r\n\r\n{")));
        assertEquals(413, huge.status(), huge.body());
        assertTrue(huge.error().contains("larger than 8388608 bytes"), huge.body());
        stillScores(server);
        assertTrue(server.toText().contains("body up to 8 MiB, head up to 16 KiB and 100 fields"), server.toText());
    }

    @Test
    void pipelinedRequestsAndExpectContinueAreAnswered() throws Exception {
        byte[] row = good.getBytes(StandardCharsets.UTF_8);
        Answer two = send(
                server,
                ascii("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        + post("Content-Length: " + row.length + "\r\n\r\n") + good));
        assertEquals(200, two.status(), two.body());
        assertTrue(two.body().contains("HTTP/1.1 200 OK") && two.body().contains("\"predictions\""), two.body());

        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(SOCKET_TIMEOUT_MS);
            s.getOutputStream()
                    .write(ascii(post("Expect: 100-continue\r\nContent-Length: " + row.length + "\r\n\r\n")));
            s.getOutputStream().flush();
            byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(row);
            s.getOutputStream().flush();
            Answer scored = read(s);
            assertEquals(200, scored.status(), scored.body());
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthHoldsNoWorkerAndTimesOutWith408() throws Exception {
        ServeOptions oneWorker = ServeOptions.defaults().withWorkers(1).withRequestTimeout(Duration.ofSeconds(1));
        try (ScoringServer strict = ScoringServer.start(release, 0, oneWorker);
                Socket stalled = new Socket("127.0.0.1", strict.port())) {
            stalled.setSoTimeout(SOCKET_TIMEOUT_MS);
            String part = "[{\"bid\": 5.0,";
            stalled.getOutputStream().write(ascii(post("Content-Length: 1000\r\n\r\n" + part)));
            stalled.getOutputStream().flush();
            stillScores(strict); // the only worker is free while the stalled body waits
            Answer late = read(stalled);
            assertEquals(408, late.status(), late.body());
            assertTrue(late.error().contains("got " + part.length() + " of 1000 body bytes"), late.body());
            assertTrue(late.head().contains("Connection: close"), late.head());
            stillScores(strict);
        }
    }
}
