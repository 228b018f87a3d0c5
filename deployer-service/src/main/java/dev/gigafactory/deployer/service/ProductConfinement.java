package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.ProductJar;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.sandbox.DatabaseBridge;
import dev.gigafactory.sandbox.LoopbackBridge;
import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployed products run in the gate's sandbox profile: each sees its version directory read-only, its own data
 * directory as the only writable place that lasts, and no network but its own loopback. The deployer reaches it the
 * way the gate does, through a loopback bridge (one per running instance, on the instance's private port) to the relay
 * in the product's JVM. Unlike a gate run, a product outlives the deployer: a new deployer opens the bridge again on
 * the same port ({@link #reattach}), derived from the same relay directory. A product with a database reaches it, and
 * nothing else outside, at 127.0.0.1:{@value #DATABASE_PORT} of its own loopback: a {@link DatabaseBridge} on the same
 * relay directory, opened and closed with the instance's way in.
 */
final class ProductConfinement implements AutoCloseable {

    /** Where a confined product finds its database, on its own loopback. */
    static final int DATABASE_PORT = 5432;

    private final Sandbox sandbox;
    private final Path relayRoot;
    private final Map<Integer, LoopbackBridge> bridges = new ConcurrentHashMap<>();
    private final Map<Integer, DatabaseBridge> databases = new ConcurrentHashMap<>();

    ProductConfinement(Sandbox sandbox) {
        this.sandbox = sandbox;
        // A socket path has at most 107 bytes: the relay directories live under the temp dir, named by a digest.
        this.relayRoot = Path.of(System.getProperty("java.io.tmpdir"), "gigafactory-relay");
    }

    boolean confines() {
        return sandbox.isolatesNetwork();
    }

    /** Where the product sees the database at {@code address}: on its own loopback when it has a network of its own. */
    InetSocketAddress databaseSeenAt(InetSocketAddress address) {
        return confines() ? new InetSocketAddress("127.0.0.1", DATABASE_PORT) : address;
    }

    /**
     * The launch, inside the sandbox and reachable on a private port of the host's loopback; with a {@code database},
     * also reaching that one address through the relay.
     */
    ProductProcess.Launch confine(ProductProcess.Launch launch, Path versionDir, Optional<InetSocketAddress> database)
            throws ProductStartException {
        if (!confines()) {
            return launch;
        }
        Optional<String> unavailable = sandbox.unavailable();
        if (unavailable.isPresent()) {
            throw new ProductStartException("products run only inside the sandbox, and it is not available: "
                    + unavailable.get(), "");
        }
        String mainClass = ProductJar.mainClass(launch.jar());
        LoopbackBridge bridge = openBridge(versionDir, 0, database);
        Path relayDir = relayDir(versionDir, bridge.port());
        Sandbox.Jail jail = Sandbox.Jail.of(versionDir).keeping(launch.dataDir()).reachableOn(relayDir, bridge.port())
                .outlivingCaller();
        if (database.isPresent()) {
            jail = jail.reachingDatabase(relayDir, DATABASE_PORT);
        }
        List<String> wrapper = new ArrayList<>(launch.wrapper());
        wrapper.addAll(sandbox.wrap(jail, List.of()));
        return launch.withPort(bridge.port()).withWrapper(wrapper)
                .running(Sandbox.javaCommand(), sandbox.productArguments(jail, launch.jar(), mainClass));
    }

    /**
     * Opens the way in to a product that outlived the previous deployer again: its bridge, on the port it was given.
     * False when that port is taken meanwhile, so the product cannot be reached where its record says. A product
     * with a {@code database} gets its way there back too (its pool reconnects on its own).
     */
    boolean reattach(Path versionDir, int port, Optional<InetSocketAddress> database) {
        if (!confines() || bridges.containsKey(port)) {
            return true;
        }
        try {
            openBridge(versionDir, port, database);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The instance on this private port is gone: its bridge closes and its relay directory goes. */
    void release(Path versionDir, int port) {
        LoopbackBridge bridge = bridges.remove(port);
        DatabaseBridge database = databases.remove(port);
        if (database != null) {
            database.close();
        }
        if (bridge != null) {
            bridge.close();
            delete(relayDir(versionDir, port));
        }
    }

    // The products keep running; their bridges end with this JVM anyway, and the next deployer reattaches.
    @Override
    public void close() {
        bridges.values().forEach(LoopbackBridge::close);
        bridges.clear();
        databases.values().forEach(DatabaseBridge::close);
        databases.clear();
    }

    private LoopbackBridge openBridge(Path versionDir, int port, Optional<InetSocketAddress> database) {
        LoopbackBridge bridge = LoopbackBridge.open(port,
                bound -> Sandbox.relaySocket(createPrivately(relayDir(versionDir, bound))));
        bridges.put(bridge.port(), bridge);
        try {
            database.ifPresent(address -> databases.put(bridge.port(),
                    DatabaseBridge.open(relayDir(versionDir, bridge.port()), address)));
        } catch (UncheckedIOException e) {
            release(versionDir, bridge.port());
            throw e;
        }
        return bridge;
    }

    private Path relayDir(Path versionDir, int port) {
        String instance = versionDir.toAbsolutePath().normalize() + ":" + port;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(instance.getBytes(StandardCharsets.UTF_8));
            return relayRoot.resolve(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // Only the deployer's user may connect to a product's relay, as only it may reach the product's port.
    private Path createPrivately(Path dir) {
        try {
            for (Path each : List.of(dir.getParent(), dir)) {
                try {
                    Files.createDirectory(each, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException e) {
                    // made before, by us or by the product's previous deployer
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the relay directory " + dir, e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover directory of a few bytes; the next instance on this port reuses it
        }
    }
}
