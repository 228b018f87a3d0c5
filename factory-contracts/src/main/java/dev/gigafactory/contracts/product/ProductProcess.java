package dev.gigafactory.contracts.product;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generated product running as a local process: started from its jar with a scrubbed environment, ready once it
 * has printed its port and answers {@code /health}. Shared by the tester (which starts it to test it) and the
 * deployer (which starts it to serve it), so both run a product the same way.
 */
public final class ProductProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(Pattern.quote(ProductContract.READY_LINE) + "(\\d{1,5})\\R");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Every poll that misses the moment the product is ready adds to the deploy: a short one costs next to nothing.
    private static final long POLL_MILLIS = 5;

    /**
     * How every product JVM runs, in the gate and deployed (the heap comes on top): fifty products on one machine
     * each pay for what they commit, so the heap starts at 4 MiB and grows only as far as the data needs (the JVM
     * would otherwise commit 1/64 of the machine's memory up front and touch all of it); one C1 compiler thread, a
     * smaller code cache and no perf-data file; the interned-string and symbol tables start at 1,024 buckets, not 65,536
     * and 32,768 (zeroed, so resident: 0.7 MB of every product) and grow as a product's strings need. The
     * address-space limits of the gate's sandbox hold these reservations with room to spare.
     */
    public static final List<String> JVM_FLAGS = List.of("-Xms4m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xshare:auto", "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=64m", "-XX:CompressedClassSpaceSize=32m", "-XX:-UsePerfData",
            "-XX:StringTableSize=1024", "-XX:+UnlockExperimentalVMOptions", "-XX:SymbolTableSize=1024");
    /**
     * Added for a deployed product, which runs for days beside fifty others rather than for the second of a gate. Its
     * young generation starts at 768 KiB instead of a third of the starting heap (1.3 MiB, all of it touched within
     * the first requests; it still grows when the heap does): 0.5 MB less resident. Every 5 s the C library gives
     * back the memory the JIT compiler freed, which it otherwise keeps: 1.1 MB less after 2,000 probes. Neither costs
     * CPU that could be told from the noise (docs/benchmarks.md). The trim came with JDK 17.0.9, so it is left out
     * on a JVM that does not know it: a product there would not start at all.
     */
    public static List<String> deployedFlags() {
        return DeployedFlags.FLAGS;
    }

    /** The product's heap limit. */
    public static final String HEAP = "-Xmx64m";
    /** glibc reserves 64 MiB of address space per malloc arena and per thread that allocates: two are plenty. */
    public static final Map<String, String> ENV = Map.of("MALLOC_ARENA_MAX", "2");

    private final Process process;
    private final int port;
    private final Path log;
    private final String jar;

    private ProductProcess(Process process, int port, Path log, Path jar) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.jar = jar.toAbsolutePath().toString();
    }

    /**
     * What to start and how. {@code wrapper} prefixes the command (a sandbox such as bubblewrap), may be empty;
     * {@code java} and {@code main} are the JVM to run and what follows its flags ({@code -jar <jar>} by default).
     */
    public record Launch(Path jar, Path dataDir, Path log, int port, List<String> wrapper, List<String> jvmFlags,
            Duration readyTimeout, String java, List<String> main, Map<String, String> environment) {

        public Launch {
            environment = Map.copyOf(environment);
        }

        /** How a product is deployed: {@link #JVM_FLAGS}, {@link #deployedFlags()} and {@link #HEAP}. */
        public static Launch of(Path jar, Path dataDir, Path log) {
            List<String> flags = new ArrayList<>(JVM_FLAGS);
            flags.add(0, HEAP);
            flags.addAll(deployedFlags());
            return new Launch(jar, dataDir, log, 0, List.of(), List.copyOf(flags), Duration.ofSeconds(30),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    List.of("-jar", jar.toAbsolutePath().toString()), Map.of());
        }

        public Launch withPort(int newPort) {
            return new Launch(jar, dataDir, log, newPort, wrapper, jvmFlags, readyTimeout, java, main, environment);
        }

        public Launch withWrapper(List<String> newWrapper) {
            return new Launch(jar, dataDir, log, port, List.copyOf(newWrapper), jvmFlags, readyTimeout, java, main,
                    environment);
        }

        public Launch withReadyTimeout(Duration timeout) {
            return new Launch(jar, dataDir, log, port, wrapper, jvmFlags, timeout, java, main, environment);
        }

        /** Other JVM flags than the jdk-http product's (e.g. a heap sized for a framework). */
        public Launch withJvmFlags(List<String> flags) {
            return new Launch(jar, dataDir, log, port, wrapper, List.copyOf(flags), readyTimeout, java, main,
                    environment);
        }

        /**
         * What the product's stack needs in its environment besides PORT and the data dir (e.g. its datasource); the
         * rest of the caller's environment never reaches it.
         */
        public Launch withEnvironment(Map<String, String> variables) {
            return new Launch(jar, dataDir, log, port, wrapper, jvmFlags, readyTimeout, java, main, variables);
        }

        /** Another JVM executable and what it runs instead of {@code -jar <jar>} (e.g. a relay first, then main). */
        public Launch running(String newJava, List<String> newMain) {
            return new Launch(jar, dataDir, log, port, wrapper, jvmFlags, readyTimeout, newJava, List.copyOf(newMain),
                    environment);
        }
    }

    public static ProductProcess start(Launch launch) throws ProductStartException {
        List<String> command = new ArrayList<>(launch.wrapper());
        command.add(launch.java());
        command.addAll(launch.jvmFlags());
        command.addAll(launch.main());
        try {
            Files.createDirectories(launch.dataDir());
            Files.createDirectories(launch.log().toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
            scrub(builder.environment(), launch);
            long logStart = Files.exists(launch.log()) ? Files.size(launch.log()) : 0;
            Process process = builder.start();
            int port = awaitPort(process, launch, logStart);
            ProductProcess product = new ProductProcess(process, port, launch.log(), launch.jar());
            product.awaitHealthy(launch.readyTimeout());
            return product;
        } catch (IOException e) {
            throw new ProductStartException("cannot start " + launch.jar() + ": " + e.getMessage(), "");
        }
    }

    // No factory secret, credential or token reaches a product: it sees only what it needs to run.
    private static void scrub(Map<String, String> env, Launch launch) {
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C.UTF-8");
        env.putAll(ENV);
        env.putAll(launch.environment());
        env.put(ProductContract.ENV_PORT, Integer.toString(launch.port()));
        env.put(ProductContract.ENV_DATA_DIR, launch.dataDir().toAbsolutePath().toString());
    }

    private static int awaitPort(Process process, Launch launch, long logStart) throws IOException,
            ProductStartException {
        long deadline = System.nanoTime() + launch.readyTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            String output = readFrom(launch.log(), logStart);
            Matcher ready = READY.matcher(output);
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
            if (!process.isAlive()) {
                throw new ProductStartException("the product exited with code " + process.exitValue()
                        + " before it was listening", tail(output));
            }
            sleep(POLL_MILLIS);
        }
        // the whole tree: a sandbox that outlives its caller, killed alone, would leave the product running inside
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new ProductStartException("the product did not report a port within " + launch.readyTimeout(),
                tail(readFrom(launch.log(), logStart)));
    }

    private void awaitHealthy(Duration timeout) throws ProductStartException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (isHealthy()) {
                return;
            }
            sleep(POLL_MILLIS);
        }
        stop(Duration.ofSeconds(2));
        throw new ProductStartException("the product never answered " + ProductContract.HEALTH_PATH + " with 200",
                tail(logText()));
    }

    public boolean isHealthy() {
        return answersHealth(port);
    }

    /** Whether a product on {@code port} of the loopback answers {@code /health} with 200 now. */
    public static boolean answersHealth(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + ProductContract.HEALTH_PATH)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The process started: the product's JVM, or the sandbox around it. */
    public long pid() {
        return process.pid();
    }

    /** The process started, to learn when it has ended. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * The product's own JVM: the process started or, inside a wrapper such as a sandbox, the first JVM among its
     * descendants (the product's children, if any, are further down). What a signal, a crash or a memory figure
     * concerns.
     */
    public long productPid() {
        if (isJava(process.toHandle())) {
            return process.pid();
        }
        // A sandbox may run a JVM of its own beside the product's (a database relay): the product's names its jar.
        List<ProcessHandle> jvms = process.descendants().filter(ProductProcess::isJava).toList();
        return jvms.stream().filter(jvm -> jvm.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .findFirst()
                .or(() -> jvms.stream().filter(jvm -> jvm.parent().map(parent -> !isJava(parent)).orElse(true))
                        .findFirst())
                .map(ProcessHandle::pid).orElse(process.pid());
    }

    /** True for a process running a {@code java} executable. */
    public static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logText() {
        return readFrom(log, 0);
    }

    /**
     * SIGTERM to the product's JVM (a sandbox around it ends with it), then SIGKILL to everything once the grace
     * period is over.
     */
    public void stop(Duration grace) {
        // Not the sandbox itself: killed alone, it would leave the product running inside, unwatched.
        ProcessHandle.of(productPid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    public static String tail(String text) {
        int limit = 4000;
        return text.length() <= limit ? text : "…" + text.substring(text.length() - limit);
    }

    private static String readFrom(Path log, long offset) {
        try {
            byte[] bytes = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Looked up once, and only by what deploys: the diagnostic bean is of no use to anything else here.
    private static final class DeployedFlags {

        static final List<String> FLAGS = vmKnows("TrimNativeHeapInterval")
                ? List.of("-XX:NewSize=768k", "-XX:TrimNativeHeapInterval=5000")
                : List.of("-XX:NewSize=768k");

        private static boolean vmKnows(String option) {
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
