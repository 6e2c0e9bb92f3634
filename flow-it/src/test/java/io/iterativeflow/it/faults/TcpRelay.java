package io.iterativeflow.it.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 (an ephemeral port) to a target address, that a test can cut: {@link #cut()} closes every
 * relayed connection and turns away new ones (accepted and closed at once, before a byte is relayed), so the other
 * side finds the target unreachable; {@link #restore()} relays again. Runs on plain daemon threads of the test JVM.
 */
final class TcpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turnedAway = new AtomicInteger();
    private volatile boolean cut;
    private volatile boolean closed;

    TcpRelay(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        daemon("relay-accept", this::acceptLoop).start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes all relayed connections and turns away new ones until {@link #restore()}. */
    void cut() {
        cut = true;
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    /** Connections turned away since the relay was created: each is an attempt to reach the database while cut. */
    int turnedAway() {
        return turnedAway.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    turnedAway.incrementAndGet();
                    closeQuietly(client);
                } else {
                    relay(client);
                }
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("relay: accept failed: " + e);
                }
            }
        }
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 10_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        if (cut) { // cut while this connection was being set up
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        daemon("relay-up", () -> pump(client, server)).start();
        daemon("relay-down", () -> pump(server, client)).start();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException connectionGone) {
            // either side closed, or the relay was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
