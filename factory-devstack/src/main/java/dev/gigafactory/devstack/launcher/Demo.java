package dev.gigafactory.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
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
        long deadline = System.nanoTime() + timeout.toNanos();
        int printedVersion = -1;
        int printed = 0;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> spec = intake.spec(name);
            if (spec.isPresent()) {
                last = spec.get();
                int version = last.path("version").asInt();
                if (version != printedVersion) {
                    out.println(name + " version " + version + ":");
                    printedVersion = version;
                    printed = 0;
                }
                JsonNode timeline = last.path("timeline");
                for (; printed < timeline.size(); printed++) {
                    out.println(StatusView.timelineLine(timeline.get(printed)));
                }
                if ("rejected".equals(StatusView.text(last, "stage"))) {
                    out.println("the spec was rejected; see the timeline above");
                    return Optional.empty();
                }
                Optional<URI> live = liveUrl(last, probePath);
                if (live.isPresent()) {
                    return live;
                }
            }
            sleep();
        }
        out.println("gave up after " + timeout.toSeconds() + " s. Last known state:");
        out.println(last == null ? "  intake knows no spec named " + name : StatusView.detail(last));
        out.println("logs: " + logs + "/*.log");
        return Optional.empty();
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
