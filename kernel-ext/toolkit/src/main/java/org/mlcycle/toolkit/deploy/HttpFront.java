package org.mlcycle.toolkit.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlcycle.toolkit.deploy.RequestParser.Request;

/**
 * The HTTP/1.1 side of a {@link ScoringServer}: one I/O thread reads every connection without
 * blocking, with the limits of {@link ServeOptions}, and hands only complete requests to a bounded
 * pool of workers; the workers never touch a socket. So a client that sends half a request, or a
 * body shorter than its {@code Content-Length}, costs a little memory until its timeout, never a
 * worker, and {@code GET /health} is answered on the I/O thread at once even while every worker
 * scores.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}, as before: in JDK 17 it reads the request
 * head with blocking reads on the handler pool's threads, so a dozen half-open clients take every
 * thread; its only remedies ({@code sun.net.httpserver.maxReqTime}, {@code maxReqHeaders},
 * {@code maxReqHeaderSize}, {@code idleInterval}) are system properties read once per JVM, and this
 * server lives in the notebook kernel's JVM beside the user's own code; an oversized head is closed
 * without an answer rather than 431, and a malformed chunked body surfaces as an exception inside
 * the handler after the head is committed. A library server (Jetty, Undertow, Netty) would do all
 * of this, but adds megabytes of jars and its own logging and thread model to the kernel's class
 * path for two endpoints; the part of HTTP/1.1 a scoring endpoint needs (Content-Length and chunked
 * bodies, keep-alive, {@code 100-continue}) fits in {@link RequestParser} and this class.
 */
final class HttpFront {
    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
    /** Bytes read and thrown away after an error answer, so the client can read it before the close. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** What the server answers; the front only moves bytes. */
    interface Handler {
        /** Answers on the I/O thread when that costs next to nothing, or null to hand the request to a worker. */
        Response quick(Request request);

        /** Answers on a worker thread. */
        Response work(Request request);

        /** The answer for a request the front turns away itself (limits, framing, timeouts, overload). */
        Response reject(int status, String message);
    }

    /** An answer: status, header fields (Content-Length and Connection are added) and body. */
    record Response(int status, Map<String, String> headers, byte[] body, boolean headOnly) {
        Response(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, false);
        }

        Response withoutBody() {
            return new Response(status, headers, body, true);
        }
    }

    private enum Phase {
        IDLE,
        READING,
        WORKING,
        WRITING,
        DRAINING
    }

    private final ServeOptions options;
    private final Handler handler;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final ThreadPoolExecutor workers;
    private final Thread io;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<Conn> conns = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 << 10);
    private final int port;
    private final long budget; // bytes of requests being read that all connections together may hold
    private final CountDownLatch listenerClosed = new CountDownLatch(1);
    private long held;
    private volatile boolean stopping, closing;

    private HttpFront(
            ServeOptions options, Handler handler, ServerSocketChannel listener, Selector selector, String name) {
        this.options = options;
        this.handler = handler;
        this.listener = listener;
        this.selector = selector;
        this.port = listener.socket().getLocalPort();
        this.budget = Math.max(64L << 20, 4L * options.maxBodyBytes());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                options.workers(),
                options.workers(),
                0,
                TimeUnit.MILLISECONDS,
                options.queue() == 0
                        ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(options.queue()),
                r -> daemon(r, name + "-" + n.incrementAndGet()));
        this.io = daemon(this::loop, name + "-io");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true); // a forgotten server never keeps a JVM alive
        return t;
    }

    /** Listens on {@code address} and starts the I/O thread; threads are named after {@code name}. */
    static HttpFront start(InetSocketAddress address, ServeOptions options, Handler handler, String name)
            throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, 128);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        HttpFront front = new HttpFront(options, handler, listener, selector, name);
        front.io.start();
        return front;
    }

    /** The port listened on (still known after {@link #stop()}). */
    int port() {
        return port;
    }

    /** Scoring requests being scored or waiting for a worker. */
    int busy() {
        return workers.getActiveCount() + workers.getQueue().size();
    }

    /**
     * Stops listening at once (the port is free when this returns), gives answers in flight up to a
     * second to finish and be sent, then closes every connection.
     */
    void stop() {
        stopping = true;
        selector.wakeup();
        try {
            listenerClosed.await(2, TimeUnit.SECONDS);
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.SECONDS);
            closing = true;
            selector.wakeup();
            io.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    private void loop() {
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        try {
            while (!closing) {
                if (stopping && listener.isOpen()) {
                    closeListener();
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSweep - System.nanoTime())));
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "sending an answer failed", e);
                    }
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        try {
                            accept();
                        } catch (IOException e) { // out of file descriptors, say: the listener stays, retry soon
                            LOG.log(Level.WARNING, "accepting a connection failed", e);
                            Thread.sleep(10);
                        }
                        continue;
                    }
                    Conn c = (Conn) key.attachment();
                    try { // readiness was taken at select time; a task may have changed the interest since
                        if (key.isWritable() && (key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                            c.write();
                        }
                        if (key.isValid() && key.isReadable() && (key.interestOps() & SelectionKey.OP_READ) != 0) {
                            c.read();
                        }
                    } catch (IOException e) {
                        c.close(); // the client went away
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "a connection failed; closing it", e);
                        c.close();
                    }
                }
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + SWEEP_NANOS;
                }
            }
        } catch (ClosedSelectorException e) {
            // closed under us: nothing left to serve
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "the scoring server's I/O thread failed; the server stops", e);
        } finally {
            closeListener();
            for (Conn c : new ArrayList<>(conns)) {
                c.close();
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the selector", e);
            }
        }
    }

    private void closeListener() {
        try {
            listener.close();
            selector.selectNow(); // deregisters the closed channel, which releases the port
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(Level.FINE, "closing the listening socket", e);
        }
        listenerClosed.countDown();
    }

    private void accept() throws IOException {
        for (SocketChannel ch; (ch = listener.accept()) != null; ) {
            ch.configureBlocking(false);
            if (conns.size() >= options.maxConnections()) {
                // best effort: one small write that fits any socket buffer, then close
                ch.write(serialize(
                        handler.reject(
                                503,
                                "the server has " + options.maxConnections()
                                        + " connections open, its limit; retry shortly"),
                        true));
                ch.close();
                continue;
            }
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
            conns.add(c);
        }
    }

    private void sweep(long now) {
        for (Conn c : new ArrayList<>(conns)) {
            if (now - c.deadline < 0) {
                continue;
            }
            switch (c.phase) {
                case READING ->
                    c.respond(
                            handler.reject(
                                    408,
                                    "the request did not arrive within "
                                            + options.requestTimeout().toMillis() + " ms: " + c.parser.progress()),
                            true);
                case WORKING -> {} // a worker has it; its answer comes back as a task
                default -> c.close(); // idle, or a client that does not take its answer
            }
        }
    }

    /** Head and body of {@code r} as bytes on the wire. */
    private static ByteBuffer serialize(Response r, boolean close) {
        StringBuilder head = new StringBuilder(160)
                .append("HTTP/1.1 ")
                .append(r.status())
                .append(' ')
                .append(reason(r.status()))
                .append("\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        int bodyLength = r.headOnly() ? 0 : r.body().length;
        ByteBuffer out = ByteBuffer.allocate(h.length + bodyLength);
        out.put(h).put(r.body(), 0, bodyLength).flip();
        return out;
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** One client connection; touched by the I/O thread only. */
    private final class Conn {
        final SocketChannel ch;
        SelectionKey key;
        RequestParser parser = new RequestParser(options);
        Phase phase = Phase.IDLE;
        long deadline;
        ByteBuffer out;
        boolean closeAfter;
        boolean inputClosed; // the client shut down its sending side
        long counted; // this connection's share of held
        long drained;

        Conn(SocketChannel ch) {
            this.ch = ch;
            // a new connection gets the request timeout for its first byte: idle sockets are cheap,
            // but not free, and a fresh one has not earned keep-alive yet
            this.deadline = System.nanoTime() + options.requestTimeout().toNanos();
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = ch.read(readBuffer);
            if (n < 0) {
                if (phase == Phase.DRAINING) {
                    close();
                    return;
                }
                inputClosed = true;
                process(); // a request completed just before the client stopped sending is still answered
                if (phase == Phase.IDLE || phase == Phase.READING) {
                    close(); // nothing to answer, or a request cut short that can never complete
                } else {
                    key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
                }
                return;
            }
            if (phase == Phase.DRAINING) {
                drained += n;
                if (drained > (long) options.maxBodyBytes() + options.maxHeadBytes()) {
                    close();
                }
                return;
            }
            readBuffer.flip();
            parser.add(readBuffer);
            process();
        }

        /** Parses what has arrived; dispatches a complete request; answers a broken one. */
        void process() {
            Request r;
            try {
                r = parser.next();
                if (recount() && held > budget) {
                    respond(
                            handler.reject(503, "the server holds too many request bytes at once; retry shortly"),
                            true);
                    return;
                }
            } catch (BadRequest e) {
                respond(handler.reject(e.status(), e.getMessage()), true);
                return;
            }
            if (r == null) {
                if (parser.inProgress()) {
                    if (phase != Phase.READING) {
                        phase = Phase.READING;
                        deadline = System.nanoTime() + options.requestTimeout().toNanos();
                    }
                    if (parser.takeContinue()) {
                        writeOut(ByteBuffer.wrap(CONTINUE));
                    }
                } else if (phase != Phase.IDLE) {
                    phase = Phase.IDLE;
                    deadline = System.nanoTime() + options.idleTimeout().toNanos();
                }
                return;
            }
            dispatch(r);
        }

        private void dispatch(Request r) {
            phase = Phase.WORKING;
            deadline = Long.MAX_VALUE;
            key.interestOps(0); // pipelined bytes wait in the parser until this answer is out
            boolean close = !r.keepAlive() || inputClosed;
            boolean direct = out == null || !out.hasRemaining(); // no 100 Continue left to send first
            Response quick;
            try {
                quick = handler.quick(r);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "answering " + r.method() + " " + r.path() + " failed", e);
                quick = handler.reject(500, "the server failed: " + e);
            }
            if (quick != null) {
                respond(quick, close);
                return;
            }
            try {
                workers.execute(() -> {
                    Response answer;
                    try {
                        answer = handler.work(r);
                    } catch (RuntimeException | Error e) {
                        LOG.log(Level.WARNING, "answering " + r.method() + " " + r.path() + " failed", e);
                        answer = handler.reject(500, "the server failed: " + e);
                    }
                    // the worker puts the answer on the wire itself when the socket takes it at once
                    // (it nearly always does), which saves the client a hand-over to the I/O thread;
                    // the I/O thread then sends any rest and moves the connection on
                    ByteBuffer bytes = serialize(answer, close);
                    if (direct) {
                        try {
                            ch.write(bytes);
                        } catch (IOException e) {
                            // the client went away; the I/O thread finds out and closes
                        }
                    }
                    tasks.add(() -> send(bytes, close));
                    selector.wakeup();
                });
            } catch (RejectedExecutionException e) {
                respond(
                        handler.reject(
                                503,
                                "all " + options.workers() + " workers are busy and " + options.queue()
                                        + " requests wait; retry shortly"),
                        close);
            }
        }

        /** Sends {@code r}; afterwards the connection reads the next request, or closes if {@code close}. */
        void respond(Response r, boolean close) {
            close |= inputClosed;
            send(serialize(r, close), close);
        }

        /** Sends what is left of {@code bytes}, an answer, then reads on or closes as {@code respond} does. */
        void send(ByteBuffer bytes, boolean close) {
            if (!ch.isOpen()) {
                return;
            }
            if (out != null && out.hasRemaining()) { // the rest of a 100 Continue goes first
                ByteBuffer both = ByteBuffer.allocate(out.remaining() + bytes.remaining());
                both.put(out).put(bytes).flip();
                bytes = both;
            }
            phase = Phase.WRITING;
            closeAfter = close;
            deadline = System.nanoTime() + options.requestTimeout().toNanos();
            writeOut(bytes);
        }

        private void writeOut(ByteBuffer bytes) {
            out = bytes;
            try {
                write();
            } catch (IOException e) {
                close();
            }
        }

        void write() throws IOException {
            if (out == null) {
                key.interestOps(phase == Phase.WORKING ? 0 : SelectionKey.OP_READ);
                return;
            }
            ch.write(out);
            if (out.hasRemaining()) {
                key.interestOps(
                        phase == Phase.READING ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_WRITE);
                return;
            }
            out = null;
            if (phase == Phase.READING) { // 100 Continue is out; the body comes next
                key.interestOps(SelectionKey.OP_READ);
                return;
            }
            if (inputClosed) {
                close(); // the client sends nothing more, so nothing is left unread
                return;
            }
            if (closeAfter) {
                drain();
                return;
            }
            phase = Phase.IDLE;
            deadline = System.nanoTime() + options.idleTimeout().toNanos();
            key.interestOps(SelectionKey.OP_READ);
            if (parser
                    .inProgress()) { // a pipelined request is buffered already: parse it next turn, not deeper in this
                // stack
                tasks.add(() -> {
                    if (ch.isOpen() && phase == Phase.IDLE) {
                        process();
                    }
                });
                selector.wakeup();
            }
        }

        /**
         * Closes the sending side and reads on for a moment: closing a socket with unread input
         * resets the connection, and the client would lose the answer it is about to read.
         */
        private void drain() {
            phase = Phase.DRAINING;
            deadline = System.nanoTime()
                    + Math.min(DRAIN_NANOS, options.requestTimeout().toNanos());
            parser = null;
            recount();
            try {
                ch.shutdownOutput();
                key.interestOps(SelectionKey.OP_READ);
            } catch (IOException e) {
                close();
            }
        }

        /** Updates this connection's share of the held bytes; true if it grew. */
        private boolean recount() {
            long now = parser == null ? 0 : parser.held();
            long before = counted;
            held += now - counted;
            counted = now;
            return now > before;
        }

        void close() {
            if (conns.remove(this)) {
                held -= counted;
                counted = 0;
            }
            key.cancel();
            try {
                ch.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a connection", e);
            }
        }
    }
}
