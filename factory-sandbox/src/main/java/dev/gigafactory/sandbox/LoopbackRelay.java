package dev.gigafactory.sandbox;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Runs inside the sandbox, in the product's own JVM (one JVM per gate run rather than two), in its private network
 * namespace: accepts connections on a Unix socket (a file, which crosses network namespaces) and connects each to the
 * product's port on the sandbox's own loopback, then runs the product's main. The product could stop it, but only to
 * make itself unreachable: every verdict is still computed outside from the bytes that came through. Mounted into
 * the sandbox as a jar of this one class, so it must stay a single class using only the JDK (lambdas are fine,
 * nested classes are not).
 *
 * <p>Run with {@code --database} it is the other direction, for a product (or its build) that needs a database while
 * its network stays closed: its own JVM, started by the jail's shell before the command, listens on a port of the
 * sandbox's loopback and carries each connection over a Unix socket to the {@link DatabaseBridge} outside, which
 * connects to the one database address the caller chose.
 */
public final class LoopbackRelay {

    /**
     * System properties that have the relay run the product's own tests in the product's JVM: the class, its static
     * method returning the exit code, and a directory the caller and the JVM share. The caller creates {@code go}
     * there once the test classes are compiled (onto the product's class path, so they share its package); the relay
     * then writes {@code result}: {@code exit <code>}, {@code absent} (no such method: run them in a JVM of their
     * own) or {@code error <what>}.
     */
    public static final String TESTS_CLASS = "gigafactory.tests.class";
    public static final String TESTS_METHOD = "gigafactory.tests.method";
    public static final String TESTS_DIR = "gigafactory.tests.dir";
    public static final String TESTS_GO = "go";
    public static final String TESTS_RESULT = "result";
    public static final String TESTS_ABSENT = "absent";
    private static final int BUFFER = 16 * 1024;
    private static final long PARENT_POLL_MILLIS = 500;
    private static final long TESTS_POLL_MILLIS = 5;

    private LoopbackRelay() {
    }

    /**
     * {@code args}: the Unix socket to listen on, the product's port inside the sandbox, the product's main class and
     * its arguments. Listens before the product starts and relays on daemon threads, so it never keeps the JVM alive;
     * the product's main then runs as under {@code java -jar}, its exceptions and exit code its own.
     */
    public static void main(String[] args) throws Throwable {
        if (args.length == 4 && "--database".equals(args[0])) {
            database(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        Path socket = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        daemon(() -> acceptLoop(server, port));
        String tests = System.getProperty(TESTS_CLASS);
        if (tests != null) {
            daemon(() -> runTests(tests, System.getProperty(TESTS_METHOD), Path.of(System.getProperty(TESTS_DIR))));
        }
        Method main = Class.forName(args[2]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 3, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Listens on {@code port} of the sandbox's loopback, then creates {@code ready} (the jail's shell waits for it,
     * so the command never races the relay), and carries every connection to {@code socket}. Runs as long as the
     * command does: the shell that started it becomes the command ({@code exec}), so its parent is the command.
     */
    private static void database(int port, Path socket, Path ready) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Files.createFile(ready);
        long command = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        daemon(() -> endWith(command));
        try (server) {
            while (true) {
                SocketChannel inside = server.accept();
                daemon(() -> {
                    try (inside; SocketChannel outside = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                        inside.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        splice(inside, outside);
                    } catch (IOException e) {
                        // The bridge is gone: closing the connection tells the database client so.
                    }
                });
            }
        }
    }

    /**
     * A jail that outlives its caller (a deployed product) has no pid namespace dying with the command: without this,
     * the relay would stay, orphaned, and keep the jail's bubblewrap waiting for it, at every stop of the product.
     */
    private static void endWith(long command) {
        while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == command) {
            try {
                Thread.sleep(PARENT_POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        System.exit(0);
    }

    // On a daemon thread beside the product: a test that hangs holds this thread, never the product's.
    private static void runTests(String testClass, String method, Path dir) {
        try {
            while (!Files.exists(dir.resolve(TESTS_GO))) {
                Thread.sleep(TESTS_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        String result;
        try {
            Method run = Class.forName(testClass).getMethod(method);
            result = Modifier.isStatic(run.getModifiers()) && run.getReturnType() == int.class
                    ? "exit " + run.invoke(null)
                    : TESTS_ABSENT;
        } catch (NoSuchMethodException e) {
            result = TESTS_ABSENT;
        } catch (InvocationTargetException e) {
            result = "error " + e.getCause();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            result = "error " + e;
        }
        try {
            Path written = Files.writeString(dir.resolve(TESTS_RESULT + ".tmp"), result);
            Files.move(written, dir.resolve(TESTS_RESULT), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the caller waits until its timeout and says the tests did not finish
        }
    }

    private static void acceptLoop(ServerSocketChannel server, int port) {
        try (server) {
            while (true) {
                SocketChannel outside = server.accept();
                daemon(() -> relay(outside, port));
            }
        } catch (IOException e) {
            // the socket is gone: the product is unreachable from now on, which the tester reports
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
