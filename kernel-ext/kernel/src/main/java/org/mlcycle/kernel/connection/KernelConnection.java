package org.mlcycle.kernel.connection;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The kernel's five ZeroMQ channels, bound to the address in the connection file only. It reuses
 * jjava-jupyter's message types and its iopub channel, and replaces the shell, control and
 * heartbeat loops with ones that block on their sockets (requests are served as they arrive, and
 * closing never waits on a lingering socket) and the reader of the shell, control and stdin
 * channels with one that refuses malformed, badly signed and replayed messages ({@link WireReader}).
 */
public final class KernelConnection extends JupyterConnection {
    static final int LINGER_MILLIS = 200;
    private final KernelConnectionProperties props;
    private final ZMQ.Context context = ZMQ.context(1);
    private final BlockingShellChannel shellChannel;
    private final BlockingShellChannel controlChannel;
    private final GuardedStdinChannel stdinChannel;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private HeartbeatLoop heartbeatLoop;
    private volatile Runnable beforePublishing = () -> {};
    private boolean connected;

    public KernelConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        DigestHistory seen = new DigestHistory();
        this.shellChannel = new BlockingShellChannel(context, hmac, seen, false, this);
        this.controlChannel = new BlockingShellChannel(context, hmac, seen, true, this);
        this.stdinChannel = new GuardedStdinChannel(context, hmac, seen);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        String base = props.getTransport() + "://" + props.getIp() + ":";
        heartbeatLoop = new HeartbeatLoop(context, base + props.getHbPort());
        iopub.setLinger(0);
        // no high-water mark: past the default 1,000 queued messages ZeroMQ drops what a PUB
        // socket sends (cell output, even the idle status) while the front end catches up
        iopub.setSndHWM(0);
        stdinChannel.setLinger(0);
        iopub.bind(props);
        stdinChannel.bind(props);
        shellChannel.bind(props);
        controlChannel.bind(props);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    /**
     * Runs before any iopub message other than stream text goes out: the kernel sends the text a
     * cell has printed so far, so that a display, result, error or status never overtakes it.
     */
    public void beforePublishing(Runnable action) {
        this.beforePublishing = action;
    }

    /** Replies go out on {@code channel}; a cell's input requests use the guarded stdin channel. */
    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel channel, MessageContext context) {
        return new ReplyEnvironment(channel, stdinChannel, getIOPub(), context);
    }

    /** jjava-jupyter's environment, with the guarded stdin channel and output kept in order. */
    private final class ReplyEnvironment extends ShellReplyEnvironment {
        ReplyEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, MessageContext context) {
            super(shell, stdin, iopub, context);
        }

        @Override
        public void publish(Message<?> message) {
            if (message.getHeader().getType() != MessageType.PUBLISH_STREAM) {
                beforePublishing.run();
            }
            super.publish(message);
        }
    }

    /**
     * After a cell failed with stop_on_error: execute requests already waiting on the shell
     * channel are answered "aborted" instead of running.
     */
    public void abortQueuedExecutes() {
        shellChannel.abortQueuedExecutes();
    }

    /** The channel requests of {@code type} arrive on; used by tests and tools. */
    public ShellChannel shellChannel() {
        return shellChannel;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing.getCount() == 0) {
                return;
            }
            closing.countDown();
        }
        try {
            if (heartbeatLoop != null) {
                heartbeatLoop.close();
            }
            shellChannel.close();
            controlChannel.close();
            stdinChannel.close();
            // a short linger lets the last replies (shutdown_reply, the idle status) leave
            iopub.setLinger(LINGER_MILLIS);
            super.close(); // iopub, stdin and the unused sockets jjava-jupyter created
            context.close();
        } finally {
            closed.countDown();
        }
    }

    /**
     * Returns once the connection is closing and its sockets are closed, or at most one second
     * after closing began: a socket that will not close must not keep the process alive.
     */
    @Override
    public void waitUntilClose() {
        try {
            closing.await();
            closed.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
