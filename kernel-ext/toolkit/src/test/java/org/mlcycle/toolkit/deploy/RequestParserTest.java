package org.mlcycle.toolkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.deploy.RequestParser.Request;

class RequestParserTest {
    private static final ServeOptions LIMITS = ServeOptions.defaults();

    /** Feeds {@code text} {@code step} bytes at a time and collects the requests that complete. */
    static List<Request> parse(String text, int step) {
        RequestParser parser = new RequestParser(LIMITS);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += step) {
            parser.add(ByteBuffer.wrap(bytes, i, Math.min(step, bytes.length - i)));
            for (Request r; (r = parser.next()) != null; ) {
                out.add(r);
            }
        }
        assertFalse(parser.inProgress(), "bytes left over: " + parser.progress());
        return out;
    }

    static String body(Request r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void pipelinedRequestsSplitAnywhereComeOutWhole() {
        String two = "\r\nPOST /predict?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n{\"a\":1}"
                + "POST /predict HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\n[{}\r\n1\r\n]\r\n0\r\nT: 1\r\n\r\n"
                + "GET /health HTTP/1.0\r\n\r\n";
        for (int step : new int[] {1, 2, 7, two.length()}) {
            List<Request> rs = parse(two, step);
            assertEquals(3, rs.size(), "step " + step);
            assertEquals("/predict", rs.get(0).path());
            assertEquals("{\"a\":1}", body(rs.get(0)));
            assertTrue(rs.get(0).keepAlive());
            assertEquals("[{}]", body(rs.get(1)));
            assertEquals("GET", rs.get(2).method());
            assertFalse(rs.get(2).keepAlive(), "HTTP/1.0 closes");
        }
    }

    @Test
    void framingThatCouldBeReadTwoWaysIsRefused() {
        String[][] cases = {
            {
                "POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
                "400",
                "both Content-Length and Transfer-Encoding"
            },
            {"POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n", "400", "two different Content-Length"
            },
            {"POST / HTTP/1.1\r\nContent-Length: -2\r\n\r\n", "400", "Content-Length '-2' is not a number"},
            {"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "501", "Transfer-Encoding 'gzip' is not supported"},
            {"GET / HTTP/1.1\r\n folded: x\r\n\r\n", "400", "header line 1 starts with white space"},
            {"GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "400", "header line 1 is not 'Name: value'"},
            {"GET / HTTP/2.0\r\n\r\n", "505", "HTTP version 'HTTP/2.0' is not supported"},
            {"GET /\r\n\r\n", "400", "malformed request line 'GET /'"},
            {"GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n", "414", "request line is longer than 8192 bytes"},
            {"POST / HTTP/1.1\r\nExpect: magic\r\n\r\n", "417", "Expect 'magic'"},
        };
        for (String[] c : cases) {
            BadRequest e = assertThrows(BadRequest.class, () -> parse(c[0], 5), c[0]);
            assertEquals(Integer.parseInt(c[1]), e.status(), c[0]);
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void aHeadThatIsNotCompleteWaitsAndSaysHowFarItGot() {
        RequestParser parser = new RequestParser(LIMITS);
        String half = "POST /predict HTTP/1.1\r\nContent-Le";
        parser.add(ByteBuffer.wrap(half.getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(parser.next());
        assertTrue(parser.inProgress());
        assertEquals("the head was incomplete after " + half.length() + " bytes", parser.progress());
        parser.add(ByteBuffer.wrap("ngth: 10\r\nExpect: 100-continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(parser.next());
        assertTrue(parser.takeContinue(), "the client waits for 100 Continue");
        assertFalse(parser.takeContinue(), "given once");
        parser.add(ByteBuffer.wrap("12".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(parser.next());
        assertEquals("got 2 of 10 body bytes", parser.progress());
    }
}
