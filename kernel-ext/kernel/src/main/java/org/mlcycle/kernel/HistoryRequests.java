package org.mlcycle.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.mlcycle.kernel.history.FileHistory;
import org.mlcycle.kernel.protocol.Replies;

/** Answers history_request (tail, range, search) from the kernel's own history file. */
final class HistoryRequests {
    private final FileHistory history;

    HistoryRequests(FileHistory history) {
        this.history = history;
    }

    void handle(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry e : lookup(request)) {
            Object input = request.includeOutput()
                    ? List.of(e.getInput(), e.getOutput() == null ? "" : e.getOutput())
                    : e.getInput();
            rows.add(List.of(e.getSession(), e.getCellNumber(), input));
        }
        env.reply(new Replies.History(rows));
    }

    /** jjava-jupyter reads each access type into its own request class. */
    private List<HistoryEntry> lookup(HistoryRequest request) {
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request instanceof HistoryRequest.Tail tail) {
            return history.lookupTail(tail.getMaxReturnLength(), flags);
        }
        if (request instanceof HistoryRequest.Range range) {
            return history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        }
        if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(HistoryManager.ResultFlag.UNIQUE);
            }
            return history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        return List.of();
    }
}
