package dev.gigafactory.tester.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs inside the sandbox, next to the product, in its private network namespace: accepts connections on a Unix
 * socket (a file, which crosses network namespaces) and connects each to the product's port on the sandbox's own
 * loopback. Copied into the sandbox as this one class file, so it must stay a single class using only the JDK (lambdas
 * are fine, nested classes are not).
 */
public final class LoopbackRelay {

    private static final int BUFFER = 16 * 1024;

    private LoopbackRelay() {
    }

    /** {@code args}: the Unix socket to listen on, the product's port inside the sandbox. */
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            while (true) {
                SocketChannel outside = server.accept();
                daemon(() -> relay(outside, port));
            }
        }
    }

    private static void relay(SocketChannel outside, int port) {
        try (outside;
                SocketChannel product = SocketChannel
                        .open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            // each chunk goes on as it arrives: Nagle would hold a request's body back until its headers are acked
            product.setOption(StandardSocketOptions.TCP_NODELAY, true);
            splice(outside, product);
        } catch (IOException e) {
            // Not listening (yet, or any more): closing the outside connection tells the client so.
        }
    }

    /** Copies bytes both ways until both directions have ended; used on both sides of the sandbox wall. */
    public static void splice(SocketChannel a, SocketChannel b) {
        Thread back = daemon(() -> copy(b, a));
        copy(a, b);
        try {
            back.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // One side went away: close both so the other direction ends too.
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "loopback-relay");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
