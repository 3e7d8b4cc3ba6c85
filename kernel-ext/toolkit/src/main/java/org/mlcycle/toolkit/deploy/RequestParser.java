package org.mlcycle.toolkit.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.x requests out of the bytes of one connection as they arrive, never blocking and
 * never holding more than the limits allow: the head (request line and header fields) up to
 * {@link ServeOptions#maxHeadBytes()} and {@link ServeOptions#maxHeaders()} fields (431 beyond),
 * the body by {@code Content-Length} or {@code chunked} coding up to
 * {@link ServeOptions#maxBodyBytes()} (413 beyond). A request that breaks the framing is a
 * {@link BadRequest} naming what and where; after one the connection cannot be read further.
 * Bytes after a complete request stay buffered for the next one (pipelining).
 *
 * <p>One parser per connection, used by the front's I/O thread only.
 */
final class RequestParser {
    /** The longest request line; a longer one gets 414. */
    static final int MAX_REQUEST_LINE = 8 << 10;
    /** The longest chunk-size line (size and extensions). */
    static final int MAX_CHUNK_LINE = 1 << 10;

    /**
     * A complete request.
     *
     * @param headers field names in lower case; repeated fields joined with ", "
     */
    record Request(
            String method, String path, String version, Map<String, String> headers, byte[] body, boolean keepAlive) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private enum State {
        HEAD,
        BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS,
        DONE
    }

    private final ServeOptions limits;
    private byte[] buf = new byte[2048];
    private int start; // first unconsumed byte
    private int end; // one past the last byte received
    private State state = State.HEAD;
    // the head being searched for
    private int scan; // where the search for the head's end resumes
    private int lineStart; // where the line being scanned began
    private int lines; // line feeds seen in this head
    // the request being read
    private String method, path, version;
    private Map<String, String> headers;
    private boolean keepAlive, expectContinue, continueSent;
    private long contentLength;
    private long remaining; // bytes left of the Content-Length body or of the current chunk
    private byte[] body;
    private int bodyLength;
    private long bodyWire; // bytes of the body consumed as sent (chunk framing included), for messages
    private int trailers;

    RequestParser(ServeOptions limits) {
        this.limits = limits;
    }

    /** Appends the bytes read from the socket. */
    void add(ByteBuffer in) {
        int n = in.remaining();
        if (start > 0 && start == end) {
            start = end = scan = lineStart = 0;
        }
        if (end + n > buf.length) {
            int kept = end - start;
            if (start > 0 && kept + n <= buf.length) {
                System.arraycopy(buf, start, buf, 0, kept);
            } else {
                byte[] grown = new byte[Math.max(buf.length * 2, kept + n)];
                System.arraycopy(buf, start, grown, 0, kept);
                buf = grown;
            }
            scan -= start;
            lineStart -= start;
            end = kept;
            start = 0;
        }
        in.get(buf, end, n);
        end += n;
    }

    /** True once any byte of a request has arrived and the request is not complete. */
    boolean inProgress() {
        return state != State.HEAD || skipBlankLines() < end;
    }

    /** True when the head asked for {@code 100 Continue} and it has not been given yet; marks it given. */
    boolean takeContinue() {
        if (expectContinue && !continueSent && (state == State.BODY || state == State.CHUNK_SIZE) && bodyWire == 0) {
            continueSent = true;
            return true;
        }
        return false;
    }

    /** Bytes this parser holds: buffered input and the body read so far. */
    long held() {
        return buf.length + (body == null ? 0 : body.length);
    }

    /** What has arrived of the request in progress, for a timeout's message. */
    String progress() {
        return switch (state) {
            case HEAD -> "the head was incomplete after " + (end - skipBlankLines()) + " bytes";
            case BODY -> "got " + bodyLength + " of " + contentLength + " body bytes";
            case CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS ->
                "the chunked body was incomplete after " + bodyWire + " bytes";
            case DONE -> "the request was complete";
        };
    }

    /** The next complete request, or null when more bytes are needed. */
    Request next() {
        while (true) {
            switch (state) {
                case HEAD -> {
                    if (!head()) {
                        return null;
                    }
                }
                case BODY -> {
                    if (!copy()) {
                        return null;
                    }
                    state = State.DONE;
                }
                case CHUNK_SIZE -> {
                    if (!chunkSize()) {
                        return null;
                    }
                }
                case CHUNK_DATA -> {
                    if (!copy()) {
                        return null;
                    }
                    state = State.CHUNK_END;
                }
                case CHUNK_END -> {
                    if (!chunkEnd()) {
                        return null;
                    }
                }
                case TRAILERS -> {
                    if (!trailer()) {
                        return null;
                    }
                }
                case DONE -> {
                    Request r = new Request(
                            method,
                            path,
                            version,
                            headers,
                            body == null
                                    ? new byte[0]
                                    : bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength),
                            keepAlive);
                    reset();
                    return r;
                }
            }
        }
    }

    private void reset() {
        state = State.HEAD;
        scan = lineStart = start;
        lines = 0;
        method = path = version = null;
        headers = null;
        keepAlive = expectContinue = continueSent = false;
        contentLength = remaining = bodyWire = 0;
        body = null;
        bodyLength = trailers = 0;
    }

    /** Index of the first byte after the empty lines a client may send between requests. */
    private int skipBlankLines() {
        int i = start;
        while (i < end && (buf[i] == '\r' || buf[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** Looks for the end of the head within the limits; parses it when found. */
    private boolean head() {
        if (lines == 0 && scan == lineStart) {
            start = skipBlankLines(); // RFC 9112 2.2: ignore empty lines before the request line
            scan = lineStart = Math.max(scan, start);
        }
        for (int i = scan; i < end; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            int length = i - lineStart - (i > lineStart && buf[i - 1] == '\r' ? 1 : 0);
            if (lines == 0 && length > MAX_REQUEST_LINE) {
                throw new BadRequest(414, "the request line is longer than " + MAX_REQUEST_LINE + " bytes");
            }
            if (i + 1 - start > limits.maxHeadBytes()) {
                throw headTooLarge();
            }
            if (length == 0 && lines > 0) {
                parseHead(i);
                start = i + 1;
                return true;
            }
            lines++;
            if (lines - 1 > limits.maxHeaders()) {
                throw new BadRequest(431, "the request has more than " + limits.maxHeaders() + " header fields");
            }
            lineStart = i + 1;
        }
        scan = end;
        if (lines == 0 && end - start > MAX_REQUEST_LINE) {
            throw new BadRequest(414, "the request line is longer than " + MAX_REQUEST_LINE + " bytes");
        }
        if (end - start > limits.maxHeadBytes()) {
            throw headTooLarge();
        }
        return false;
    }

    private BadRequest headTooLarge() {
        return new BadRequest(
                431,
                "the request head (request line and header fields) is larger than " + limits.maxHeadBytes() + " bytes");
    }

    private void parseHead(int last) {
        String[] text = new String(buf, start, last - start, StandardCharsets.ISO_8859_1).split("\n", -1);
        String requestLine = stripCr(text[0]);
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !token(parts[0]) || parts[1].isEmpty()) {
            throw new BadRequest(
                    "malformed request line '" + shorten(requestLine) + "'; expected METHOD /path HTTP/1.1");
        }
        method = parts[0];
        version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new BadRequest(
                    version.startsWith("HTTP/") ? 505 : 400,
                    "HTTP version '" + shorten(version) + "' is not supported; use HTTP/1.1");
        }
        path = path(parts[1]);
        headers = new LinkedHashMap<>();
        String length = null;
        for (int k = 1; k < text.length; k++) {
            String line = stripCr(text[k]);
            if (line.isEmpty()) {
                continue; // the final empty line
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new BadRequest("header line " + k + " starts with white space (folded lines are not allowed)");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !token(line.substring(0, colon))) {
                throw new BadRequest("header line " + k + " is not 'Name: value': '" + shorten(line) + "'");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-length")) {
                if (length != null && !length.equals(value)) {
                    throw new BadRequest(
                            "two different Content-Length fields: " + shorten(length) + " and " + shorten(value));
                }
                length = value;
            }
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        keepAlive = version.equals("HTTP/1.1") && !connection.contains("close");
        String coding = headers.get("transfer-encoding");
        if (coding != null && length != null) {
            throw new BadRequest("the request has both Content-Length and Transfer-Encoding; send one");
        }
        if (coding != null) {
            if (!coding.equalsIgnoreCase("chunked") || version.equals("HTTP/1.0")) {
                throw new BadRequest(
                        501,
                        "Transfer-Encoding '" + shorten(coding)
                                + "' is not supported; send chunked or a Content-Length");
            }
            state = State.CHUNK_SIZE;
        } else if (length != null) {
            if (length.isEmpty() || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new BadRequest("Content-Length '" + shorten(length) + "' is not a number of bytes");
            }
            contentLength = length.length() > 18 ? Long.MAX_VALUE : Long.parseLong(length);
            if (contentLength > limits.maxBodyBytes()) {
                throw bodyTooLarge();
            }
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY;
        } else {
            state = State.DONE;
        }
        String expect = headers.get("expect");
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw new BadRequest(417, "Expect '" + shorten(expect) + "' is not supported");
            }
            expectContinue = state != State.DONE && version.equals("HTTP/1.1");
        }
    }

    private BadRequest bodyTooLarge() {
        return new BadRequest(
                413, "the body is larger than " + limits.maxBodyBytes() + " bytes; send fewer rows per request");
    }

    private static String path(String target) {
        try {
            if (target.startsWith("/")) {
                String p = new URI(target).getPath();
                return p == null || p.isEmpty() ? "/" : p;
            }
            if (target.startsWith("http://") || target.startsWith("https://")) {
                String p = new URI(target).getPath();
                return p == null || p.isEmpty() ? "/" : p;
            }
            if (target.equals("*")) {
                return target;
            }
        } catch (URISyntaxException e) {
            throw new BadRequest(
                    "the request target '" + shorten(target) + "' is not a valid URI path (" + e.getReason() + ")");
        }
        throw new BadRequest("the request target '" + shorten(target) + "' is not a path such as /predict");
    }

    /** Copies Content-Length or chunk data into the body; true when the part is complete. */
    private boolean copy() {
        int n = (int) Math.min(remaining, end - start);
        if (n > 0) {
            if (body == null || bodyLength + n > body.length) {
                long want = state == State.BODY ? contentLength : (long) bodyLength + remaining;
                int size =
                        (int) Math.min(want, Math.max(bodyLength + (long) n, 2L * (body == null ? 4096 : body.length)));
                body = body == null ? new byte[size] : Arrays.copyOf(body, size);
            }
            System.arraycopy(buf, start, body, bodyLength, n);
            bodyLength += n;
            start += n;
            remaining -= n;
            bodyWire += n;
        }
        return remaining == 0;
    }

    private int lineEnd() {
        for (int i = start; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean chunkSize() {
        int eol = lineEnd();
        if (eol < 0) {
            if (end - start > MAX_CHUNK_LINE) {
                throw malformedChunk("a chunk-size line longer than " + MAX_CHUNK_LINE + " bytes");
            }
            return false;
        }
        String line = stripCr(new String(buf, start, eol - start, StandardCharsets.ISO_8859_1));
        int semicolon = line.indexOf(';');
        String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (size.isEmpty() || size.length() > 15 || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw malformedChunk("chunk size '" + shorten(line) + "' is not a hexadecimal number");
        }
        long n = Long.parseLong(size, 16);
        if (bodyLength + n > limits.maxBodyBytes()) {
            throw bodyTooLarge();
        }
        bodyWire += eol + 1 - start;
        start = eol + 1;
        remaining = n;
        state = n == 0 ? State.TRAILERS : State.CHUNK_DATA;
        return true;
    }

    private boolean chunkEnd() {
        if (end - start < 1 || (buf[start] == '\r' && end - start < 2)) {
            return false;
        }
        int skip = buf[start] == '\n' ? 1 : buf[start] == '\r' && buf[start + 1] == '\n' ? 2 : 0;
        if (skip == 0) {
            throw malformedChunk("a chunk's data is longer than its size (no line end after it)");
        }
        start += skip;
        bodyWire += skip;
        state = State.CHUNK_SIZE;
        return true;
    }

    private boolean trailer() {
        int eol = lineEnd();
        if (eol < 0) {
            if (end - start > limits.maxHeadBytes()) {
                throw new BadRequest(
                        431, "a trailer field of the chunked body is larger than " + limits.maxHeadBytes() + " bytes");
            }
            return false;
        }
        boolean empty = eol == start || (eol == start + 1 && buf[start] == '\r');
        bodyWire += eol + 1 - start;
        start = eol + 1;
        if (empty) {
            state = State.DONE;
        } else if (++trailers > limits.maxHeaders()) {
            throw new BadRequest(431, "the chunked body has more than " + limits.maxHeaders() + " trailer fields");
        }
        return true;
    }

    private BadRequest malformedChunk(String what) {
        return new BadRequest("malformed chunked body: " + what + " at byte " + bodyWire + " of the body");
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean token(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
