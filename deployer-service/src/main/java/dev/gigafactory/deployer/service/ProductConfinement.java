package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.product.ProductJar;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.sandbox.LoopbackBridge;
import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * the same port ({@link #reattach}), derived from the same relay directory.
 */
final class ProductConfinement implements AutoCloseable {

    private final Sandbox sandbox;
    private final Path relayRoot;
    private final Map<Integer, LoopbackBridge> bridges = new ConcurrentHashMap<>();

    ProductConfinement(Sandbox sandbox) {
        this.sandbox = sandbox;
        // A socket path has at most 107 bytes: the relay directories live under the temp dir, named by a digest.
        this.relayRoot = Path.of(System.getProperty("java.io.tmpdir"), "gigafactory-relay");
    }

    boolean confines() {
        return sandbox.isolatesNetwork();
    }

    /** The launch, inside the sandbox and reachable on a private port of the host's loopback. */
    ProductProcess.Launch confine(ProductProcess.Launch launch, Path versionDir) throws ProductStartException {
        if (!confines()) {
            return launch;
        }
        Optional<String> unavailable = sandbox.unavailable();
        if (unavailable.isPresent()) {
            throw new ProductStartException("products run only inside the sandbox, and it is not available: "
                    + unavailable.get(), "");
        }
        String mainClass = ProductJar.mainClass(launch.jar());
        LoopbackBridge bridge = openBridge(versionDir, 0);
        Sandbox.Jail jail = Sandbox.Jail.of(versionDir).keeping(launch.dataDir())
                .reachableOn(relayDir(versionDir, bridge.port()), bridge.port()).outlivingCaller();
        List<String> wrapper = new ArrayList<>(launch.wrapper());
        wrapper.addAll(sandbox.wrap(jail, List.of()));
        return launch.withPort(bridge.port()).withWrapper(wrapper)
                .running(Sandbox.javaCommand(), sandbox.productArguments(jail, launch.jar(), mainClass));
    }

    /**
     * Opens the way in to a product that outlived the previous deployer again: its bridge, on the port it was given.
     * False when that port is taken meanwhile, so the product cannot be reached where its record says.
     */
    boolean reattach(Path versionDir, int port) {
        if (!confines() || bridges.containsKey(port)) {
            return true;
        }
        try {
            openBridge(versionDir, port);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The instance on this private port is gone: its bridge closes and its relay directory goes. */
    void release(Path versionDir, int port) {
        LoopbackBridge bridge = bridges.remove(port);
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
    }

    private LoopbackBridge openBridge(Path versionDir, int port) {
        LoopbackBridge bridge = LoopbackBridge.open(port,
                bound -> Sandbox.relaySocket(createPrivately(relayDir(versionDir, bound))));
        bridges.put(bridge.port(), bridge);
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
