package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.acceptance.ProductClient;
import dev.gigafactory.contracts.product.ProductContract;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.sandbox.OutputGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wait for a starting product: first the line with the port it listens on, then a 200 from {@code /health}. It
 * ends, saying why, as soon as the product exits, floods its output or runs out of time.
 */
final class ProductReadiness {

    private static final Pattern READY = Pattern.compile(Pattern.quote(ProductContract.READY_LINE) + "(\\d{1,5})\\R");
    // Every poll that misses the moment the product is ready adds to the gate: a short one costs next to nothing.
    private static final long POLL_MILLIS = 5;

    private final Process process;
    private final OutputGuard guard;
    private final Path log;

    ProductReadiness(Process process, OutputGuard guard, Path log) {
        this.process = process;
        this.guard = guard;
        this.log = log;
    }

    /** Why a product was stopped by its output guard. */
    static String outputExceeded(OutputGuard guard) {
        return "the product wrote more than " + OutputGuard.mebibytes(guard.limitBytes())
                + " of output and was stopped";
    }

    /** The port the product listens on, once it answers there; {@code expectedPort} 0 takes any port but 0. */
    int await(int expectedPort, Duration timeout) throws ProductStartException {
        long deadline = System.nanoTime() + timeout.toNanos();
        LogFollower follower = new LogFollower(log);
        Matcher ready = READY.matcher(follower.newText());
        while (!ready.find()) {
            checkStillStarting(deadline, "did not report a port within " + ProductClient.seconds(timeout));
            sleep();
            ready = READY.matcher(follower.newText());
        }
        int port = Integer.parseInt(ready.group(1));
        if (port == 0) {
            throw new ProductStartException("the product reported port 0, not the port it listens on", logTail());
        }
        if (expectedPort != 0 && port != expectedPort) {
            throw new ProductStartException("the product listened on port " + port + ", not on the PORT it was given ("
                    + expectedPort + ")", logTail());
        }
        while (!ProductProcess.answersHealth(port)) {
            checkStillStarting(deadline, "never answered " + ProductContract.HEALTH_PATH + " with 200");
            sleep();
        }
        return port;
    }

    private void checkStillStarting(long deadline, String timeoutMessage) throws ProductStartException {
        if (guard.tripped()) {
            throw new ProductStartException(outputExceeded(guard), logTail());
        }
        if (!process.isAlive()) {
            throw new ProductStartException("the product exited with code " + process.exitValue()
                    + " before it was listening", logTail());
        }
        if (System.nanoTime() > deadline) {
            throw new ProductStartException("the product " + timeoutMessage, logTail());
        }
    }

    private String logTail() {
        return Excerpts.tailOf(log);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
