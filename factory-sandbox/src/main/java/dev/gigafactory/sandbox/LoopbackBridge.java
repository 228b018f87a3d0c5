package dev.gigafactory.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The tester's side of the wall: a port on the host's loopback whose connections are carried over a Unix socket to the
 * {@link LoopbackRelay} inside the sandbox. The HTTP clients of the gate use it as if it were the product.
 */
public final class LoopbackBridge implements AutoCloseable {

    // The relay JVM starts beside the product; give it time to bind its socket before a connection is refused.
    private static final Duration RELAY_WAIT = Duration.ofSeconds(5);

    private final ServerSocketChannel server;
    private final UnixDomainSocketAddress relay;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private LoopbackBridge(ServerSocketChannel server, Path socket) {
        this.server = server;
        this.relay = UnixDomainSocketAddress.of(socket);
    }

    /** Listens on a free port of 127.0.0.1, forwarding to the relay's socket (which may not exist yet). */
    public static LoopbackBridge open(Path socket) {
        return open(0, port -> socket);
    }

    /**
     * Listens on {@code port} of 127.0.0.1 (0: a free one), forwarding to the socket named for the port it got: a
     * product started again beside a running one (a blue/green restart) gets a socket of its own.
     */
    public static LoopbackBridge open(int port, IntFunction<Path> socketForPort) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            try {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                server.close();
                throw e;
            }
            LoopbackBridge bridge = new LoopbackBridge(server,
                    socketForPort.apply(server.socket().getLocalPort()));
            daemon(bridge::acceptLoop);
            return bridge;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open port " + port + " of the loopback for the sandbox", e);
        }
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                // forwarded chunks go out as they arrive: Nagle and delayed ACKs cost 40 ms per request otherwise
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                open.add(client);
                daemon(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(SocketChannel client) {
        try (client; SocketChannel inside = connectToRelay()) {
            open.add(inside);
            LoopbackRelay.splice(client, inside);
            open.remove(inside);
        } catch (IOException e) {
            // The sandbox is gone or never came up: the client sees the connection closed.
        } finally {
            open.remove(client);
        }
    }

    private SocketChannel connectToRelay() throws IOException {
        long deadline = System.nanoTime() + RELAY_WAIT.toNanos();
        while (true) {
            try {
                return SocketChannel.open(relay);
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !server.isOpen()) {
                    throw e;
                }
                sleep();
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing left to do
        }
        for (SocketChannel channel : Set.copyOf(open)) {
            try {
                channel.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "loopback-bridge");
        thread.setDaemon(true);
        thread.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
