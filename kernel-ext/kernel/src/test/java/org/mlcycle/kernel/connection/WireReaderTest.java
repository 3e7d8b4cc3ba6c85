package org.mlcycle.kernel.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.junit.jupiter.api.Test;

class WireReaderTest {
    private static final String HEADER = "{\"msg_id\":\"m1\",\"msg_type\":\"kernel_info_request\",\"session\":\"s\","
            + "\"username\":\"u\",\"date\":\"2026-01-01T00:00:00Z\",\"version\":\"5.3\"}";

    private final HMACGenerator hmac = hmac();
    private final WireReader reader = new WireReader(hmac, new DigestHistory());

    private static HMACGenerator hmac() {
        try {
            return new HMACGenerator("hmac-sha256", "secret");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<byte[]> signed(String header, String content) {
        byte[][] parts = {bytes(header), bytes("{}"), bytes("{}"), bytes(content)};
        List<byte[]> frames = new ArrayList<>(
                List.of(bytes("client-id"), WireReader.DELIMITER, bytes(hmac.calculateSignature(parts))));
        frames.addAll(List.of(parts));
        return frames;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedRequestIsReadWithItsRoutingIdentity() throws Exception {
        Message<?> m = reader.read(signed(HEADER, "{}"));
        assertEquals(MessageType.KERNEL_INFO_REQUEST, m.getHeader().getType());
        assertEquals("client-id", new String(m.getIdentities().get(0), StandardCharsets.UTF_8));
    }

    @Test
    void framesWithoutTheDelimiterAreRefusedWithoutLookingFurther() {
        var e = assertThrows(WireReader.Refused.class, () -> reader.read(List.of(bytes("id"), bytes("hello"))));
        assertTrue(e.getMessage().contains("no <IDS|MSG> delimiter"), e.getMessage());
    }

    @Test
    void tooFewFramesAfterTheDelimiterAreRefused() {
        var e = assertThrows(
                WireReader.Refused.class, () -> reader.read(List.of(bytes("id"), WireReader.DELIMITER, bytes(""))));
        assertTrue(e.getMessage().contains("too few frames"), e.getMessage());
    }

    @Test
    void aWrongSignatureIsRefused() {
        List<byte[]> frames = signed(HEADER, "{}");
        frames.set(2, bytes("0".repeat(64)));
        var e = assertThrows(WireReader.Refused.class, () -> reader.read(frames));
        assertEquals("invalid signature", e.getMessage());
    }

    @Test
    void aReplayIsRefusedTheSecondTime() throws Exception {
        reader.read(signed(HEADER, "{}"));
        var e = assertThrows(WireReader.Refused.class, () -> reader.read(signed(HEADER, "{}")));
        assertTrue(e.getMessage().contains("repeated signature"), e.getMessage());
    }

    @Test
    void signedButInvalidJsonIsRefused() {
        var e = assertThrows(WireReader.Refused.class, () -> reader.read(signed("{not json", "{}")));
        assertTrue(e.getMessage().startsWith("not a valid message"), e.getMessage());
    }

    @Test
    void theDigestHistoryForgetsTheOldestPastItsLimit() {
        DigestHistory seen = new DigestHistory(2);
        assertTrue(seen.add("a"));
        assertTrue(seen.add("b"));
        assertFalse(seen.add("b"));
        assertTrue(seen.add("c")); // "a" is forgotten
        assertTrue(seen.add("a"));
    }
}
