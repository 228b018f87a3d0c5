package dev.gigafactory.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Whether bubblewrap can make a sandbox here, found by a trial run, and the relay's jar, installed by the first trial
 * that works. A missing or broken bubblewrap is an outage that an operator fixes while the services run, so it is
 * probed again, at most once a second (a readiness poll or a waiting record costs one trial run a second at most).
 * While it works, the next trial runs in the background and callers get the last answer at once: a trial takes
 * 10-15 ms, which every gate and every deploy would otherwise wait for.
 */
final class SandboxProbe {

    private static final long REPROBE_NANOS = 1_000_000_000L;

    private final SandboxMounts mounts;
    private final Path stateDir;
    private Optional<String> unavailable = Optional.empty();
    private long probedAt;
    private boolean probed;
    private boolean reprobing;
    private volatile Path relayJar;

    SandboxProbe(SandboxMounts mounts, Path stateDir) {
        this.mounts = mounts;
        this.stateDir = stateDir;
    }

    /** {@code fresh}: probe now, whatever the last probe said. */
    synchronized Optional<String> unavailable(boolean fresh) {
        boolean stale = System.nanoTime() - probedAt >= REPROBE_NANOS;
        if (fresh || !probed || (stale && unavailable.isPresent())) {
            record(trial());
        } else if (stale && !reprobing) {
            reprobing = true;
            // probed outside the lock, so callers meanwhile get the last answer instead of waiting for this one
            Thread prober = new Thread(() -> {
                Optional<String> found = trial();
                synchronized (this) {
                    record(found);
                    reprobing = false;
                }
            }, "sandbox-probe");
            prober.setDaemon(true);
            prober.start();
        }
        return unavailable;
    }

    /** The relay's jar, once a trial found bubblewrap working. */
    Optional<Path> relayJar() {
        return Optional.ofNullable(relayJar);
    }

    private void record(Optional<String> found) {
        unavailable = found;
        probedAt = System.nanoTime();
        probed = true;
    }

    private Optional<String> trial() {
        return bubblewrapProblem().or(this::relayProblem);
    }

    private Optional<String> relayProblem() {
        if (relayJar == null) {
            try {
                relayJar = installRelay(stateDir);
            } catch (UncheckedIOException e) {
                return Optional.of(e.getMessage() + ": " + e.getCause().getMessage());
            }
        }
        return Optional.empty();
    }

    private Optional<String> bubblewrapProblem() {
        try {
            List<String> command = new ArrayList<>(mounts.bwrap(null, 1024 * 1024));
            command.addAll(List.of("--", "/bin/true"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readNBytes(2000));
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("bubblewrap did not finish a trial run within 10 s");
            }
            return process.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of("bubblewrap cannot create a sandbox here: " + output.strip());
        } catch (IOException e) {
            return Optional.of("bubblewrap (bwrap) is not installed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while trying bubblewrap");
        }
    }

    private static Path installRelay(Path stateDir) {
        String resource = LoopbackRelay.class.getSimpleName() + ".class";
        Path jar = stateDir.toAbsolutePath().normalize().resolve("relay.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (InputStream bytes = LoopbackRelay.class.getResourceAsStream(resource)) {
            if (bytes == null) {
                throw new IllegalStateException("the relay's class file " + resource + " is not on the classpath");
            }
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.putNextEntry(new JarEntry(LoopbackRelay.class.getName().replace('.', '/') + ".class"));
                bytes.transferTo(out);
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the sandbox relay under " + stateDir, e);
        }
    }
}
