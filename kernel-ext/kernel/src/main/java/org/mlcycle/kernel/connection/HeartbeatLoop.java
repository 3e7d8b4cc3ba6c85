package org.mlcycle.kernel.connection;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Echoes heartbeat pings as soon as they arrive (jjava-jupyter's heartbeat sleeps 500 ms between
 * checks). The socket is created, used and closed on the loop's own thread.
 */
final class HeartbeatLoop {
    private final Thread thread;
    private volatile boolean running = true;

    HeartbeatLoop(ZMQ.Context context, String address) {
        ZMQ.Socket socket = context.socket(SocketType.REP);
        socket.setLinger(0);
        socket.bind(address);
        thread = new Thread(
                () -> {
                    try (ZMQ.Poller poller = context.poller(1)) {
                        poller.register(socket, ZMQ.Poller.POLLIN);
                        while (running) {
                            if (poller.poll(100) > 0) {
                                byte[] ping = socket.recv(ZMQ.DONTWAIT);
                                if (ping != null) {
                                    socket.send(ping, 0);
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        // the context is going away: nothing left to answer
                    } finally {
                        socket.close();
                    }
                },
                "mlcycle-heartbeat");
        thread.setDaemon(true);
        thread.start();
    }

    void close() {
        running = false;
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
