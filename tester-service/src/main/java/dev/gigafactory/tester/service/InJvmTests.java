package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.sandbox.LoopbackRelay;
import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The product's own tests run in the product's JVM, which the gate starts anyway, instead of a JVM and a sandbox of
 * their own: the relay in that JVM calls the test class's {@code run()} ({@link ProductContract#TEST_RUN_METHOD})
 * once the tests are compiled onto its class path, and writes the exit code into the relay directory it shares with
 * the gate. A test class without {@code run()}, or a product that ends before its tests ran, leaves them to the JVM
 * of their own.
 */
final class InJvmTests {

    private static final String DIR = "tests";
    private static final long POLL_MILLIS = 5;

    private final String testClass;
    private volatile Path dir;
    private volatile BooleanSupplier productAlive = () -> true;
    private volatile boolean productGone;

    InJvmTests(String testClass) {
        this.testClass = testClass;
    }

    /** The product JVM's options that have its relay run the tests. */
    List<String> jvmOptions() {
        return List.of("-D" + LoopbackRelay.TESTS_CLASS + "=" + testClass,
                "-D" + LoopbackRelay.TESTS_METHOD + "=" + ProductContract.TEST_RUN_METHOD,
                "-D" + LoopbackRelay.TESTS_DIR + "=" + Sandbox.insideRelayDir(DIR));
    }

    /** The product runs, its relay directory at {@code relayDir}; it may still end under its tests. */
    void running(Path relayDir, BooleanSupplier alive) {
        this.productAlive = alive;
        this.dir = relayDir.resolve(DIR);
    }

    /** The product has been stopped (or never started): nothing will run the tests there any more. */
    void productGone() {
        productGone = true;
    }

    /**
     * Has the product run the compiled tests, once it runs: their outcome (the product's log as their output), or
     * empty when they must run in a JVM of their own.
     */
    Optional<UnitTestRunner.Outcome> run(Duration timeout, Supplier<String> productLog) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Path result = null;
        while (result == null || !Files.exists(result)) {
            if (productGone || !productAlive.getAsBoolean()) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(new UnitTestRunner.Outcome(null, "did not finish within "
                        + timeout.toSeconds() + " s", productLog.get(), millisSince(started)));
            }
            if (result == null && dir != null) {
                result = ask(dir);
            }
            sleep();
        }
        return outcome(read(result), productLog.get(), millisSince(started));
    }

    private static Path ask(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(LoopbackRelay.TESTS_GO));
            return dir.resolve(LoopbackRelay.TESTS_RESULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask the product to run its tests in " + dir, e);
        }
    }

    private static Optional<UnitTestRunner.Outcome> outcome(String result, String output, long durationMs) {
        if (result.startsWith("exit ")) {
            return Optional.of(new UnitTestRunner.Outcome(Integer.parseInt(result.substring(5).strip()), null, output,
                    durationMs));
        }
        if (result.equals(LoopbackRelay.TESTS_ABSENT)) {
            return Optional.empty();
        }
        return Optional.of(new UnitTestRunner.Outcome(null, "they could not run: " + result.replaceFirst("^error ", ""),
                output, durationMs));
    }

    private static String read(Path result) {
        try {
            return Files.readString(result).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tests' result " + result, e);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the product ran its tests", e);
        }
    }
}
