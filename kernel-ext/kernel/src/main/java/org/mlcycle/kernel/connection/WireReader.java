package org.mlcycle.kernel.connection;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * Turns the frames of one multipart ZeroMQ message into a request, or refuses it.
 *
 * <p>jjava-jupyter's own reader takes frames from the socket until it meets the {@code <IDS|MSG>}
 * delimiter, across message boundaries: one unsigned frame without a delimiter made it swallow the
 * next real request into its routing identities, so the kernel's reply to that request went to
 * whoever sent the stray frame. Here the frames of exactly one message are judged together and a
 * malformed, badly signed or replayed message is refused as a whole, never answered. A repeated
 * signature is refused as jupyter_client's {@code Session} does (it keeps a digest history).
 */
final class WireReader {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() {}.getType();

    /** The same adapters as jjava-jupyter's reader, so requests parse into the same types. */
    private static final Gson GSON;

    static {
        Gson replyGson = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .create();
        GSON = new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replyGson))
                .create();
    }

    /** Why a message was refused; the message names the shape, never the content. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private final HMACGenerator hmac;
    private final DigestHistory seen;

    WireReader(HMACGenerator hmac, DigestHistory seen) {
        this.hmac = hmac;
        this.seen = seen;
    }

    /**
     * The request carried by {@code frames} (all the frames of one multipart message, routing
     * identities first).
     *
     * @throws Refused when the message is malformed, badly signed, replayed or not valid JSON
     */
    Message<?> read(List<byte[]> frames) throws Refused {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new Refused("no <IDS|MSG> delimiter in " + frames.size() + " frame(s)");
        }
        if (frames.size() - delimiter - 1 < 5) {
            throw new Refused("too few frames after the delimiter: " + (frames.size() - delimiter - 1) + " of 5");
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null) {
            // constant-time: the time to refuse must not tell how much of a forged signature was right
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature)) {
                throw new Refused("invalid signature");
            }
            if (!seen.add(expected)) {
                throw new Refused("repeated signature (a replayed message)");
            }
        }
        try {
            Header<?> head = GSON.fromJson(utf8(header), Header.class);
            if (head == null || head.getType() == null || head.getId() == null) {
                throw new Refused("header without msg_id or msg_type");
            }
            Header<?> parentHead = null;
            JsonElement parentJson = JsonParser.parseString(utf8(parent));
            if (parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()) {
                parentHead = GSON.fromJson(parentJson, Header.class);
            }
            Map<String, Object> meta = GSON.fromJson(utf8(metadata), JSON_MAP);
            Object body = GSON.fromJson(utf8(content), head.getType().getContentType());
            List<byte[]> identities = List.copyOf(frames.subList(0, delimiter));
            List<byte[]> blobs = List.copyOf(frames.subList(delimiter + 6, frames.size()));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Message<?> message = new Message(identities, head, parentHead, meta, body, blobs);
            return message;
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Refused("not a valid message (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Every frame of the next multipart message on {@code socket}; blocks for the first. */
    static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(socket.recv());
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
