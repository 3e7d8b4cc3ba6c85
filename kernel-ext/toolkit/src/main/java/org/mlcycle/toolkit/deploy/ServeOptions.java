package org.mlcycle.toolkit.deploy;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import org.mlcycle.toolkit.support.Require;

/**
 * How a {@link ScoringServer} shares itself between clients: how many threads score, and the
 * limits that keep a slow, stalled or oversized request from holding anyone else up. Every limit
 * answers the client with a status and a message naming it.
 *
 * @param workers threads that score {@code /predict} requests
 * @param queue complete {@code /predict} requests that may wait for a free worker; more get 503
 * @param maxConnections connections open at once; more are answered 503 and closed
 * @param maxBodyBytes the largest request body; a larger one gets 413
 * @param maxHeadBytes the largest request head (request line and header fields); larger gets 431
 * @param maxHeaders the most header fields in a request; more get 431
 * @param requestTimeout how long a request may take to arrive from its first byte to the end of its
 *     body, and an answer to be taken by the client; a late request gets 408 and the connection closes
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 */
@CheckReturnValue
public record ServeOptions(
        int workers,
        int queue,
        int maxConnections,
        int maxBodyBytes,
        int maxHeadBytes,
        int maxHeaders,
        Duration requestTimeout,
        Duration idleTimeout) {

    public ServeOptions {
        String who = "serve options";
        Require.that(workers >= 1, who, "need at least one worker thread, got %d", workers);
        Require.that(queue >= 0, who, "the queue cannot be negative, got %d", queue);
        Require.that(maxConnections >= 1, who, "need at least one connection, got %d", maxConnections);
        Require.that(maxBodyBytes >= 1, who, "the body limit must be at least 1 byte, got %d", maxBodyBytes);
        Require.that(maxHeadBytes >= 256, who, "the head limit must be at least 256 bytes, got %d", maxHeadBytes);
        Require.that(maxHeaders >= 1, who, "need room for at least one header field, got %d", maxHeaders);
        Require.that(
                requestTimeout != null && requestTimeout.toMillis() >= 1, who, "the request timeout must be positive");
        Require.that(idleTimeout != null && idleTimeout.toMillis() >= 1, who, "the idle timeout must be positive");
    }

    /**
     * {@code max(4, cores)} workers, 32 waiting requests, 256 connections, bodies up to 8 MiB, heads
     * up to 16 KiB and 100 fields, 10 s for a request to arrive, 30 s idle keep-alive.
     */
    public static ServeOptions defaults() {
        return new ServeOptions(
                Math.max(4, Runtime.getRuntime().availableProcessors()),
                32,
                256,
                8 << 20,
                16 << 10,
                100,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    public ServeOptions withWorkers(int workers) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withQueue(int queue) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withMaxConnections(int maxConnections) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withMaxBodyBytes(int maxBodyBytes) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withMaxHeadBytes(int maxHeadBytes) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withMaxHeaders(int maxHeaders) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withRequestTimeout(Duration requestTimeout) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }

    public ServeOptions withIdleTimeout(Duration idleTimeout) {
        return new ServeOptions(
                workers, queue, maxConnections, maxBodyBytes, maxHeadBytes, maxHeaders, requestTimeout, idleTimeout);
    }
}
