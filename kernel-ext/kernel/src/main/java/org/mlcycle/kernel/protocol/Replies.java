package org.mlcycle.kernel.protocol;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * Replies that jjava-jupyter 1.0-a6 sends without the {@code "status": "ok"} field the protocol
 * requires (kernel_info, comm_info, history, shutdown). Clients that validate replies, such as
 * jupyter_kernel_test, reject them without it.
 */
public final class Replies {
    private Replies() {}

    /** kernel_info_reply with status. */
    public static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        public KernelInfo(
                String protocol,
                String name,
                String version,
                LanguageInfo language,
                String banner,
                List<HelpLink> links) {
            super(protocol, name, version, language, banner, links);
        }
    }

    /** execute_reply carrying a pager payload: the front end shows {@code text} in its pager. */
    public static final class PagedExecute extends org.dflib.jjava.jupyter.messages.reply.ExecuteReply {
        @SuppressWarnings("unused") // read by Gson
        private final List<Map<String, Object>> payload;

        public PagedExecute(int count, String text) {
            super(count, Map.of());
            this.payload = List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
        }
    }

    /** execute_reply for a request that was not run because an earlier cell failed (stop_on_error). */
    public static final class AbortedExecute implements ContentType<AbortedExecute> {
        @SuppressWarnings("unused")
        private final String status = "aborted";

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<AbortedExecute> getType() {
            return (MessageType) MessageType.EXECUTE_REPLY;
        }
    }

    /** comm_info_reply with status: the open comms by id, each with its target name. */
    public static final class CommInfo implements ContentType<CommInfo> {
        @SuppressWarnings("unused")
        private final String status = "ok";

        @SuppressWarnings("unused")
        private final Map<String, Map<String, String>> comms;

        public CommInfo(Map<String, Map<String, String>> comms) {
            this.comms = comms;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<CommInfo> getType() {
            return (MessageType) MessageType.COMM_INFO_REPLY;
        }
    }

    /**
     * history_reply with status. Each entry is {@code [session, line, input]}, or
     * {@code [session, line, [input, output]]} when output was asked for.
     */
    public static final class History implements ContentType<History> {
        @SuppressWarnings("unused")
        private final String status = "ok";

        @SerializedName("history")
        @SuppressWarnings("unused")
        private final List<List<Object>> entries;

        public History(List<List<Object>> entries) {
            this.entries = entries;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<History> getType() {
            return (MessageType) MessageType.HISTORY_REPLY;
        }
    }

    /** shutdown_reply with status; {@code restart} echoes the request. */
    public static final class Shutdown implements ContentType<Shutdown> {
        @SuppressWarnings("unused")
        private final String status = "ok";

        @SuppressWarnings("unused")
        private final boolean restart;

        public Shutdown(boolean restart) {
            this.restart = restart;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<Shutdown> getType() {
            return (MessageType) MessageType.SHUTDOWN_REPLY;
        }
    }
}
