package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.spec.SpecDigest;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.contracts.validation.ValidationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Follows one spec through the factory: prints each new timeline entry as it happens and returns the deployed URL once
 * the generated service answers, or explains why it gave up.
 */
final class Demo {

    private static final Set<String> LIVE = Set.of("running", "deployed");
    private static final long POLL_MILLIS = 200;

    private final IntakeClient intake;
    private final PrintStream out;
    private final Path logs;

    Demo(IntakeClient intake, PrintStream out, Path logs) {
        this.intake = intake;
        this.out = out;
        this.logs = logs;
    }

    /** The spec's base URL once {@code GET <url><probePath>} answers 200, or empty after printing why not. */
    Optional<URI> follow(String name, String probePath, Duration timeout) {
        return follow(name, null, probePath, timeout);
    }

    /**
     * Like {@link #follow(String, String, Duration)}, for the version built from the document whose digest is
     * {@code digest}: while intake's newest version has another digest, intake has not taken that document yet. A
     * version that failed for good ends the wait at once, with the command that retries it: waiting on it would wait
     * for nothing, since the same document again is not a new version.
     */
    Optional<URI> follow(String name, String digest, String probePath, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int printedVersion = -1;
        int printed = 0;
        boolean saidNotYet = false;
        boolean saidWaiting = false;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> spec = intake.spec(name);
            if (spec.isPresent() && !ours(spec.get(), digest)) {
                if (!saidNotYet) {
                    out.println("intake's newest " + name + " (version " + StatusView.text(spec.get(), "version")
                            + ") is another document; waiting for intake to take ours");
                    saidNotYet = true;
                }
            } else if (spec.isPresent()) {
                last = spec.get();
                int version = last.path("version").asInt();
                if (version != printedVersion) {
                    out.println(name + " version " + version + ":");
                    printedVersion = version;
                    printed = 0;
                    saidWaiting = false;
                }
                JsonNode timeline = last.path("timeline");
                for (; printed < timeline.size(); printed++) {
                    out.println(StatusView.timelineLine(timeline.get(printed)));
                }
                String stage = StatusView.text(last, "stage");
                if ("rejected".equals(stage)) {
                    out.println("the spec was rejected; see the timeline above");
                    return Optional.empty();
                }
                if (last.path("retry").isObject()) {
                    JsonNode retry = last.path("retry");
                    out.println(name + " version " + version + " failed: " + StatusView.text(retry, "reason"));
                    out.println("  retry it with: " + StatusView.text(retry, "command"));
                    return Optional.empty();
                }
                if ("waiting".equals(stage) && !saidWaiting) {
                    out.println(name + " is waiting: " + waitingReason(timeline) + "; still waiting");
                    saidWaiting = true;
                }
                Optional<URI> live = liveUrl(last, probePath);
                if (live.isPresent()) {
                    return live;
                }
            }
            sleep();
        }
        out.println("gave up after " + timeout.toSeconds() + " s. Last known state:");
        out.println(last == null
                ? "  intake knows no spec named " + name + " from this document"
                : StatusView.detail(last));
        out.println("logs: " + logs + "/*.log");
        return Optional.empty();
    }

    /** An answer without a digest (an older intake) is taken to be ours, as before digests were shown. */
    private static boolean ours(JsonNode spec, String digest) {
        String shown = StatusView.text(spec, "digest");
        return digest == null || shown.isEmpty() || shown.equals(digest);
    }

    /** The newest {@code waiting} entry's detail: why the tester cannot run. */
    private static String waitingReason(JsonNode timeline) {
        String reason = "";
        for (JsonNode entry : timeline) {
            if ("waiting".equals(StatusView.text(entry, "stage"))) {
                reason = StatusView.text(entry, "detail");
            }
        }
        return reason.isEmpty() ? "the tester cannot run yet" : reason;
    }

    /**
     * The digest intake will show for the version built from this document, as intake computes it; null when the
     * document is not a valid spec (intake rejects it, and the timeline says why).
     */
    static String digestOf(Path document) {
        try {
            ValidationResult result = new SpecValidator().validate(Files.readAllBytes(document));
            return result.isValid() ? SpecDigest.of(result.spec()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + document, e);
        }
    }

    private static Optional<URI> liveUrl(JsonNode spec, String probePath) {
        String url = StatusView.text(spec, "url");
        if (!LIVE.contains(StatusView.text(spec, "stage")) || url.isEmpty()) {
            return Optional.empty();
        }
        URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        return IntakeClient.answers(URI.create(base + probePath)) ? Optional.of(base) : Optional.empty();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
