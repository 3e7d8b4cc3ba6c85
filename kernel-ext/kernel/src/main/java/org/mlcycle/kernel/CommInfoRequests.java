package org.mlcycle.kernel;

import java.util.Map;
import java.util.TreeMap;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.mlcycle.kernel.protocol.Replies;

/** Answers comm_info_request: the open comms, of one target when the request names it. */
final class CommInfoRequests {
    private final CommManager comms;

    CommInfoRequests(CommManager comms) {
        this.comms = comms;
    }

    void handle(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target =
                message.getContent() == null ? null : message.getContent().getTargetName();
        Map<String, Map<String, String>> open = new TreeMap<>();
        for (Comm comm : comms) {
            if (target == null || target.equals(comm.getTargetName())) {
                open.put(comm.getID(), Map.of("target_name", comm.getTargetName()));
            }
        }
        env.reply(new Replies.CommInfo(open));
    }
}
