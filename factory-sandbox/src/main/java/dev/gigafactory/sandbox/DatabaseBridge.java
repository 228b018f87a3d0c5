package dev.gigafactory.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outside end of a jail's database: listens on a Unix socket in the jail's relay directory (the
 * {@link LoopbackRelay} in {@code --database} mode connects to it from inside) and connects every connection to the
 * one database address the caller gave. The jail names no address: whatever it sends goes to that database and nowhere
 * else, so opening this makes exactly one outside service reachable.
 */
public final class DatabaseBridge implements AutoCloseable {

    // in the jail's private /tmp
    private static final String INSIDE_READY = "/tmp/.gigafactory-database-relay";

    private final ServerSocketChannel server;
    private final InetSocketAddress database;
    private final Path socket;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private DatabaseBridge(ServerSocketChannel server, Path socket, InetSocketAddress database) {
        this.server = server;
        this.socket = socket;
        this.database = database;
    }

    /** Listens on {@link Sandbox#databaseSocket(Path)} of {@code relayDir}, forwarding to {@code database}. */
    public static DatabaseBridge open(Path relayDir, InetSocketAddress database) {
        Path socket = Sandbox.databaseSocket(relayDir);
        try {
            Files.createDirectories(relayDir);
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            DatabaseBridge bridge = new DatabaseBridge(server, socket, database);
            Thread accept = new Thread(bridge::acceptLoop, "database-bridge");
            accept.setDaemon(true);
            accept.start();
            return bridge;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database socket " + socket + " for the sandbox", e);
        }
    }

    /**
     * The jail's shell's part: starts the inside end ({@link LoopbackRelay} {@code --database}) in the background
     * (bubblewrap's pid namespace ends it with the command) and waits until it listens, polling its ready file: a
     * small JVM starts in well under a second, and one that is not up after 10 s, or has died, never will.
     */
    static String insideScript(String java, String relayJar, int port, String socket) {
        return "'" + java + "' -Xmx16m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m"
                + " -XX:CompressedClassSpaceSize=16m -XX:-UsePerfData -cp " + relayJar + " "
                + LoopbackRelay.class.getName() + " --database " + port + " " + socket + " " + INSIDE_READY
                + " & n=0; while [ ! -e " + INSIDE_READY + " ]; do n=$((n+1)); if [ $n -gt 200 ]"
                + " || ! kill -0 $! 2>/dev/null; then echo 'sandbox: the database relay did not start' >&2; exit 125;"
                + " fi; sleep 0.05; done; ";
    }

    public InetSocketAddress database() {
        return database;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel inside = server.accept();
                open.add(inside);
                Thread forward = new Thread(() -> forward(inside), "database-bridge");
                forward.setDaemon(true);
                forward.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(SocketChannel inside) {
        try (inside; SocketChannel outside = SocketChannel.open(database)) {
            open.add(outside);
            outside.setOption(StandardSocketOptions.TCP_NODELAY, true);
            LoopbackRelay.splice(inside, outside);
            open.remove(outside);
        } catch (IOException e) {
            // The database is down: the client inside sees its connection closed, as it would outside.
        } finally {
            open.remove(inside);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
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
}
