package dev.gigafactory.sandbox;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where generated code runs: every unit-test JVM and every product the tester's gate starts, and every product the
 * deployer serves locally, goes through {@link #wrap}. A deployed product's jail also keeps its data directory
 * writable and persistent ({@link Jail#keeping}) and outlives the deployer ({@link Jail#outlivingCaller}).
 *
 * <p>With bubblewrap ({@link Mode#BWRAP}) each run gets fresh user, pid, ipc, uts and network namespaces and a mount
 * namespace holding only: {@code /usr} and the JDK read-only (plus the few files the JDK links to under {@code /etc}),
 * a minimal {@code /proc} and {@code /dev}, a private size-capped {@code /tmp}, and its own workspace read-only with
 * fresh size-capped scratch directories in it (the data dirs) as the only writable places. The artifact store, the
 * tester's work dir, other workspaces, the repository, {@code /root} and the rest of {@code /etc} simply do not exist
 * in there. The environment is the scrubbed one {@code ChildProcesses} builds (PATH, LANG, the product's vars). Inside,
 * a shell sets CPU-time ({@code ulimit -t}), address-space ({@code ulimit -v}; the JVM flags keep its reservations
 * inside it) and file-size ({@code ulimit -f}) limits before it execs Java; wall-clock and log size are watched from
 * outside ({@link OutputGuard}).
 *
 * <p>Network: only {@code lo} exists inside. The product listens on its own loopback, which the tester cannot reach
 * directly; rather than running the black-box checks inside the sandbox too (where the product could tamper with the
 * checker or its results), a {@link LoopbackRelay} run first in the product's own JVM ({@link #productArguments}), listens on
 * a Unix socket in a small shared directory, and the tester's {@link LoopbackBridge} forwards a host loopback port to it. So all verdicts are
 * still computed by the tester, outside, from nothing but the bytes the product answered. The product is told to
 * listen on the bridge's port number (free inside, since the namespace is new), so its ready line names the port the
 * tester will use.
 *
 * <p>{@link Mode#NONE} runs the same command without isolation, limits still applied: only for tests of logic that
 * do not need a sandbox, and only when configured explicitly.
 */
public final class Sandbox {

    public enum Mode {
        BWRAP, NONE
    }

    /**
     * Per-process caps: CPU seconds (zero: none, for a service meant to run for good), address space, any one file
     * written (the log, a data file), each scratch tmpfs.
     */
    public record Limits(Duration cpu, long memoryBytes, long outputBytes, long scratchBytes) {

        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(120), 1024L * 1024 * 1024, 8L * 1024 * 1024, 64L * 1024 * 1024);
        }

        /**
         * For a build (Maven, its compilers, the JVMs it forks for tests): more CPU, address space for JVMs with real
         * heaps, and room for the jars a build writes and the throw-away repository in {@code /tmp}.
         */
        public static Limits forBuild() {
            return new Limits(Duration.ofSeconds(600), 2048L * 1024 * 1024, 256L * 1024 * 1024,
                    256L * 1024 * 1024);
        }

        public Limits withCpu(Duration newCpu) {
            return new Limits(newCpu, memoryBytes, outputBytes, scratchBytes);
        }

        public Limits withOutputBytes(long bytes) {
            return new Limits(cpu, memoryBytes, bytes, scratchBytes);
        }

        public Limits withMemoryBytes(long bytes) {
            return new Limits(cpu, bytes, outputBytes, scratchBytes);
        }
    }

    /**
     * One confinement: the workspace (visible read-only), the directories in it that become fresh writable scratch
     * space, the directories that stay writable and keep what is written (a deployed product's data), for a product
     * that must be reachable the shared directory for the relay's socket and the port, and whether it ends with the
     * caller (the gate's runs) or outlives it (a deployed product outlives the deployer that started it); further
     * host directories visible read-only at fixed paths inside (a build's Maven and repository), and the port of the
     * jail's own loopback that leads to the caller's database through the relay directory (0: none).
     */
    public record Jail(Path workspace, List<Path> scratch, List<Path> data, Path relayDir, int port,
            boolean outlivesCaller, List<Mount> mounts, int databasePort) {

        public static Jail of(Path workspace, Path... scratch) {
            return new Jail(workspace, List.of(scratch), List.of(), null, 0, false, List.of(), 0);
        }

        public Jail reachableOn(Path newRelayDir, int newPort) {
            return new Jail(workspace, scratch, data, newRelayDir, newPort, outlivesCaller, mounts, databasePort);
        }

        /** Writable directories bound from the host, whose contents survive the run. */
        public Jail keeping(Path... newData) {
            return new Jail(workspace, scratch, List.of(newData), relayDir, port, outlivesCaller, mounts,
                    databasePort);
        }

        /** Not killed when the caller exits: the caller stops it by signalling the product's own process. */
        public Jail outlivingCaller() {
            return new Jail(workspace, scratch, data, relayDir, port, true, mounts, databasePort);
        }

        /** {@code host} visible read-only at {@code inside} as well. */
        public Jail mounting(Path host, String inside) {
            List<Mount> more = new ArrayList<>(mounts);
            more.add(new Mount(host, inside));
            return new Jail(workspace, scratch, data, relayDir, port, outlivesCaller, List.copyOf(more),
                    databasePort);
        }

        /**
         * 127.0.0.1:{@code insidePort} of the jail's loopback leads to the database that a {@link DatabaseBridge}
         * opened on the same {@code newRelayDir} connects to; nothing else outside becomes reachable. A reachable product
         * with a database uses one relay directory for both ({@link #reachableOn} with the same one): the sockets'
         * names differ.
         */
        public Jail reachingDatabase(Path newRelayDir, int insidePort) {
            return new Jail(workspace, scratch, data, newRelayDir, port, outlivesCaller, mounts, insidePort);
        }
    }

    /** A host directory or file seen read-only at a fixed path inside the jail. */
    public record Mount(Path host, String inside) {
    }

    /** Where the relay's socket is inside the sandbox: short, because a socket path is at most 107 bytes. */
    public static final String RELAY_SOCKET = "/run/gigafactory/relay.sock";
    /**
     * Where the jail sees a directory of its relay directory ({@link Jail#reachableOn}), writable, shared with the
     * caller: the one place both see that lasts as long as the run (a gate's data dir is a scratch of the jail's own).
     */
    public static String insideRelayDir(String name) {
        return INSIDE_RELAY_DIR + "/" + name;
    }
    private static final String RELAY_JAR = "/opt/gigafactory-relay.jar";
    private static final String INSIDE_RELAY_DIR = "/run/gigafactory";
    private static final String SOCKET_NAME = "relay.sock";
    private static final String DATABASE_SOCKET_NAME = "database.sock";

    private final Mode mode;
    private final Limits limits;
    private final SandboxMounts mounts;
    private final ProductClassArchive classes;
    private final SandboxProbe probe;

    private Sandbox(Mode mode, Limits limits, Path stateDir, String bwrap) {
        this.mode = mode;
        this.limits = limits;
        this.mounts = mode == Mode.BWRAP ? SandboxMounts.forThisJdk(bwrap) : null;
        this.classes = mode == Mode.BWRAP ? ProductClassArchive.dumpInBackground(stateDir, javaCommand()) : null;
        this.probe = mode == Mode.BWRAP ? new SandboxProbe(mounts, stateDir) : null;
    }

    /** {@code stateDir}: a tester-owned directory for the relay's jar (mounted read-only). */
    public static Sandbox of(Mode mode, Limits limits, Path stateDir) {
        return new Sandbox(mode, limits, stateDir, "bwrap");
    }

    /** With another bubblewrap executable (a path, or a name looked up on PATH): {@code tester.bubblewrap}. */
    public static Sandbox of(Mode mode, Limits limits, Path stateDir, String bwrap) {
        return new Sandbox(mode, limits, stateDir, bwrap);
    }

    public Mode mode() {
        return mode;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Why untrusted code cannot run here (bubblewrap missing or not working), or empty when it can. Probed again at
     * most once a second, so it turns empty as soon as bubblewrap is installed; while it works, the next probe runs in
     * the background and this answers at once (see {@link SandboxProbe}).
     */
    public Optional<String> unavailable() {
        return unavailable(false);
    }

    /** {@code fresh}: probe now, whatever the last probe said (after a run failed, to tell an outage from a defect). */
    public Optional<String> unavailable(boolean fresh) {
        return probe == null ? Optional.empty() : probe.unavailable(fresh);
    }

    /** True when the product lives in its own network namespace and is reached through a bridge. */
    public boolean isolatesNetwork() {
        return mode == Mode.BWRAP;
    }

    /** The JDK's {@code java} by its real path, the one mounted inside the sandbox. */
    public static String javaCommand() {
        return SandboxMounts.java();
    }

    /** The Unix socket, as the tester sees it, for a jail's relay directory. */
    public static Path relaySocket(Path relayDir) {
        return relayDir.resolve(SOCKET_NAME);
    }

    /** The Unix socket, as the caller sees it, that a jail's database port leads to ({@link DatabaseBridge}). */
    public static Path databaseSocket(Path relayDir) {
        return relayDir.resolve(DATABASE_SOCKET_NAME);
    }

    /** The full command: the sandbox around a shell that sets the limits and execs {@code command}. */
    public List<String> wrap(Jail jail, List<String> command) {
        List<String> wrapped = new ArrayList<>();
        if (mode == Mode.BWRAP) {
            wrapped.addAll(mounts.bwrap(jail, limits.scratchBytes()));
            if (!jail.outlivesCaller()) {
                wrapped.add("--die-with-parent");
            }
            if (jail.relayDir() != null) {
                wrapped.addAll(List.of("--bind", jail.relayDir().toString(), INSIDE_RELAY_DIR, "--ro-bind",
                        relay().toString(), RELAY_JAR));
            }
            wrapped.addAll(List.of("--ro-bind", classes.dir().toString(), ProductClassArchive.MOUNTED_DIR));
            for (Mount mount : jail.mounts()) {
                wrapped.addAll(List.of("--ro-bind", mount.host().toAbsolutePath().normalize().toString(),
                        mount.inside()));
            }
        }
        if (mode == Mode.BWRAP) {
            wrapped.add("--");
        }
        wrapped.addAll(List.of("/bin/sh", "-c", script(jail), "sandbox"));
        wrapped.addAll(command);
        return wrapped;
    }

    private String script(Jail jail) {
        StringBuilder script = new StringBuilder();
        if (!limits.cpu().isZero()) {
            // soft limit first: SIGXCPU says why; the hard one a second later kills what ignores it
            script.append("ulimit -S -t ").append(Math.max(1, limits.cpu().toSeconds()))
                    .append(" && ulimit -H -t ").append(Math.max(1, limits.cpu().toSeconds()) + 1).append(" && ");
        }
        script.append("ulimit -v ").append(limits.memoryBytes() / 1024)
                // dash counts -f in 512-byte blocks
                .append(" && ulimit -f ").append(Math.max(1, limits.outputBytes() / 512)).append(" || exit 126; ");
        if (mode == Mode.BWRAP && jail.databasePort() > 0) {
            script.append(databaseRelay(jail.databasePort()));
        }
        // Inside bubblewrap the shell stays, as the namespace's first process, and waits for the command: a first
        // process ignores the signals it has no handler for, the soft CPU limit's SIGXCPU among them.
        return script.append(mode == Mode.BWRAP ? "\"$@\"" : "exec \"$@\"").toString();
    }

    private String databaseRelay(int port) {
        relay();
        return DatabaseBridge.insideScript(javaCommand(), RELAY_JAR, port, insideRelayDir(DATABASE_SOCKET_NAME));
    }

    /**
     * The java arguments that run the product in {@code jar} in this jail: {@code -jar}, or, for a reachable product
     * in its own network namespace, the relay first, in the same JVM, which then calls {@code mainClass}.
     */
    public List<String> productArguments(Jail jail, Path jar, String mainClass) {
        return productArguments(jail, jar, List.of(), mainClass);
    }

    /**
     * The same with more on the class path after the jar (the product's compiled tests, for the relay to run: see
     * {@link LoopbackRelay#TESTS_CLASS}); only through the relay, which a jail without one does not have.
     */
    public List<String> productArguments(Jail jail, Path jar, List<Path> more, String mainClass) {
        String jarPath = jar.toAbsolutePath().toString();
        if (mode != Mode.BWRAP || jail.relayDir() == null) {
            return concat(jvmOptions(), List.of("-jar", jarPath));
        }
        relay();
        StringBuilder classpath = new StringBuilder(RELAY_JAR).append(File.pathSeparator).append(jarPath);
        more.forEach(path -> classpath.append(File.pathSeparator).append(path.toAbsolutePath()));
        return concat(jvmOptions(), List.of("-cp", classpath.toString(), LoopbackRelay.class.getName(), RELAY_SOCKET,
                Integer.toString(jail.port()), mainClass));
    }

    /**
     * JVM options for anything of a product's run inside this sandbox (its JVM, its tests' JVM): the archive of the
     * JDK classes products load, once it is there (see {@link ProductClassArchive}).
     */
    public List<String> jvmOptions() {
        return classes == null ? List.of() : classes.jvmOptions(Path.of(ProductClassArchive.MOUNTED_DIR));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    // Installed by the first probe that finds bubblewrap working; the gate always asks before it runs anything.
    private Path relay() {
        return probe.relayJar().orElseThrow(() -> new IllegalStateException("the sandbox is not available: "
                + unavailable().orElse("not probed")));
    }
}
