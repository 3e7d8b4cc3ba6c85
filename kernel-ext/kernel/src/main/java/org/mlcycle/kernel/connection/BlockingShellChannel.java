package org.mlcycle.kernel.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.mlcycle.kernel.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that blocks on the socket instead of polling. jjava-jupyter's own
 * channel checks the socket every 50 ms and sleeps in between, which adds up to 50 ms to every
 * request; it also lets one badly signed message end its loop, and reads frames across message
 * boundaries (see {@link WireReader}). Here a bad message is logged and dropped, and the loop goes on.
 */
final class BlockingShellChannel extends ShellChannel {
    private static final Logger LOG = LoggerFactory.getLogger(BlockingShellChannel.class);
    /** How long one poll may block: bounds how late the loop notices {@link #close()}. */
    private static final int POLL_MILLIS = 100;

    private final boolean isControl;
    private final JupyterConnection connection;
    private volatile boolean running;
    private final AtomicBoolean abortQueued = new AtomicBoolean();
    private Thread loop;

    private final WireReader wire;

    BlockingShellChannel(
            ZMQ.Context context,
            HMACGenerator hmac,
            DigestHistory seen,
            boolean isControl,
            JupyterConnection connection) {
        super(context, hmac, isControl, connection);
        this.isControl = isControl;
        this.connection = connection;
        this.wire = new WireReader(hmac, seen);
    }

    /**
     * The next request, or null when the message on the socket was refused (malformed, badly
     * signed, replayed): it is logged and dropped, never answered. Reads exactly one multipart
     * message, so a stray frame cannot take the frames of the next request with it.
     */
    @Override
    public synchronized Message<?> readMessage() {
        if (closed) {
            return null;
        }
        List<byte[]> frames = WireReader.receive(this);
        try {
            return wire.read(frames);
        } catch (WireReader.Refused e) {
            LOG.warn("dropped a message on {}: {}", loop.getName(), e.getMessage());
            return null;
        }
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        int port = isControl ? props.getControlPort() : props.getShellPort();
        String address = props.getTransport() + "://" + props.getIp() + ":" + port;
        bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        loop = new Thread(() -> serve(poller), isControl ? "mlcycle-control" : "mlcycle-shell");
        loop.setDaemon(true);
        loop.start();
    }

    private void serve(ZMQ.Poller poller) {
        while (running) {
            int events;
            try {
                events = poller.poll(POLL_MILLIS);
            } catch (RuntimeException e) {
                if (!running) {
                    break; // the context was closed under us
                }
                LOG.warn("poll failed on {}: {}", loop.getName(), e.toString());
                continue;
            }
            if (events <= 0 || !running) {
                continue;
            }
            Message<?> message;
            try {
                message = readMessage();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("could not read a message on {}: {}", loop.getName(), e.toString());
                continue;
            }
            if (message == null) {
                continue;
            }
            List<Message<?>> waiting = handle(message, poller);
            for (Message<?> queued : waiting) {
                if (queued.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                    abort(queued);
                } else {
                    handle(queued, poller); // kernel_info, complete and the like are still served
                }
            }
        }
    }

    /**
     * Serves one request. When it was a cell that failed with stop_on_error, returns the requests
     * that were already waiting (see {@link #abortQueuedExecutes()}), read before the failed
     * cell's idle status goes out: a client that sends a cell after seeing that status is not
     * affected. Otherwise returns nothing.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Message<?>> handle(Message<?> message, ZMQ.Poller poller) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.warn("no handler for {}", message.getHeader().getType().getName());
            return List.of();
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        List<Message<?>> waiting = List.of();
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            LOG.warn("error handling {}", message.getHeader().getType().getName(), e);
        } finally {
            if (abortQueued.getAndSet(false)) {
                waiting = readWaiting(poller);
            }
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
        return waiting;
    }

    /** Every request already on the socket, read without waiting. */
    private List<Message<?>> readWaiting(ZMQ.Poller poller) {
        List<Message<?>> waiting = new ArrayList<>();
        while (running && poller.poll(0) > 0) {
            try {
                Message<?> message = readMessage();
                if (message != null) {
                    waiting.add(message); // a refused one is dropped; later ones still count
                }
            } catch (RuntimeException e) {
                LOG.warn("dropped a message on {}: {}", loop.getName(), e.getMessage());
            }
        }
        return waiting;
    }

    /** Answers an execute request "aborted" without running it. */
    private void abort(Message<?> message) {
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        env.setBusyDeferIdle();
        env.reply(new Replies.AbortedExecute());
        env.resolveDeferrals();
    }

    /**
     * After a cell failed with stop_on_error, the execute requests already waiting (a "Run All"
     * sent them before the failure was known) are answered "aborted" without running, as
     * ipykernel does: later cells would only fail on the state the failed cell did not make.
     * Other requests waiting meanwhile are served as usual. Called by the kernel from the failed
     * cell's handler.
     */
    void abortQueuedExecutes() {
        abortQueued.set(true);
    }

    /**
     * Stops the loop and closes the socket on the thread that owns it: a ZeroMQ socket must not
     * be closed while another thread polls it.
     */
    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(POLL_MILLIS * 3L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        setLinger(KernelConnection.LINGER_MILLIS);
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
