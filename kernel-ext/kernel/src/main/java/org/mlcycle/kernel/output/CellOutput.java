package org.mlcycle.kernel.output;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

/**
 * One of a cell's output streams (stdout or stderr). Every byte written reaches the front end:
 * writes are gathered and sent as one stream message at most every {@link #COALESCE_MILLIS}
 * (a loop of 20,000 {@code println}s becomes a few dozen messages, not 20,000 that overflow the
 * socket's queue), a message never splits a UTF-8 character, and {@link #drain()} sends what is
 * left before the cell's result, error or idle status.
 *
 * <p>jjava-jupyter's stream sends one message per {@code println} and throws away what a thread
 * writes between cells; here such output goes to the last cell's output, as ipykernel does.
 */
public final class CellOutput extends OutputStream {
    /** How long writes are gathered before they are sent. */
    static final long COALESCE_MILLIS = 50;
    /** The most text one stream message carries; more is sent as several messages. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlcycle-output");
        t.setDaemon(true);
        return t;
    });

    private final BiConsumer<ShellReplyEnvironment, String> send;
    private byte[] buf = new byte[8192];
    private int count;
    private boolean scheduled;
    private ShellReplyEnvironment env;

    /** @param send publishes one piece of text on the environment's iopub (e.g. writeToStdOut) */
    public CellOutput(BiConsumer<ShellReplyEnvironment, String> send) {
        this.send = send;
    }

    /** The cell whose output area gets what is written from now on. */
    public synchronized void attach(ShellReplyEnvironment cell) {
        this.env = cell;
    }

    @Override
    public synchronized void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
        schedule();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
        schedule();
    }

    /** Asks for what was written to be sent soon (within the coalescing interval). */
    @Override
    public void flush() {
        // PrintStream calls this on every println: sending here would undo the coalescing.
    }

    /** Sends everything written so far, now. */
    public synchronized void drain() {
        int complete = completeUtf8(buf, count);
        int start = 0;
        while (start < complete && env != null) {
            int end = Math.min(complete, start + MAX_MESSAGE_BYTES);
            end = completeUtf8(buf, end); // never cut a character in two
            if (end <= start) {
                end = complete;
            }
            send.accept(env, new String(buf, start, end - start, StandardCharsets.UTF_8));
            start = end;
        }
        if (env == null) {
            return; // nowhere to send yet: keep it for the first cell
        }
        System.arraycopy(buf, start, buf, 0, count - start);
        count -= start;
        if (buf.length > (1 << 16) && count < (1 << 12)) {
            buf = Arrays.copyOf(buf, 8192); // a huge print must not keep its buffer for the session
        }
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            FLUSHER.schedule(this::scheduledDrain, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void scheduledDrain() {
        scheduled = false;
        drain();
    }

    private void ensure(int more) {
        long need = (long) count + more;
        if (need > buf.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("cell output over 2 GiB not yet sent");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, 2L * buf.length)));
        }
    }

    /**
     * The length of the longest prefix of {@code bytes[0, len)} that does not end inside a UTF-8
     * sequence: a character's bytes may arrive in two writes.
     */
    static int completeUtf8(byte[] bytes, int len) {
        for (int back = 1; back <= 3 && back <= len; back++) {
            int b = bytes[len - back] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for the lead
            }
            int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return size > back ? len - back : len;
        }
        return len;
    }
}
