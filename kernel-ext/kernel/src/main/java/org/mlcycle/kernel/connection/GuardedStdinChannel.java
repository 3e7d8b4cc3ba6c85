package org.mlcycle.kernel.connection;

import java.util.List;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The stdin channel (a cell's {@code readLine} waits here for the front end's input_reply), with
 * the same reader as the shell channel: a malformed, badly signed or replayed message is dropped
 * and the channel waits for the next one, so a stray frame can neither stand in for the user's
 * answer nor shift it.
 */
final class GuardedStdinChannel extends StdinChannel {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedStdinChannel.class);
    private final WireReader wire;

    GuardedStdinChannel(ZMQ.Context context, HMACGenerator hmac, DigestHistory seen) {
        super(context, hmac);
        this.wire = new WireReader(hmac, seen);
    }

    @Override
    public synchronized Message<?> readMessage() {
        while (!closed) {
            List<byte[]> frames = WireReader.receive(this);
            try {
                return wire.read(frames);
            } catch (WireReader.Refused e) {
                LOG.warn("dropped a message on stdin: {}", e.getMessage());
            }
        }
        return null;
    }
}
