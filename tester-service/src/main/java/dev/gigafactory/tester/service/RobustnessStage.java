package dev.gigafactory.tester.service;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.acceptance.Excerpts;
import dev.gigafactory.contracts.acceptance.ProductClient;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.tester.robustness.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Sends the generated robustness probes to the started product, raw bytes in (malformed and oversized bodies are the
 * point), status and content type out. Each probe is one case; the stage has a time budget of its own.
 */
final class RobustnessStage {

    static final Duration BUDGET = Duration.ofSeconds(60);
    private static final int MAX_READ = 64 * 1024;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tester-robustness");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Duration requestTimeout;

    RobustnessStage(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** {@code alive}: whether the product still runs; once it has ended, no probe waits on it any more. */
    List<CaseResult> run(String baseUrl, List<Probe> probes, Deadline runDeadline, BooleanSupplier alive) {
        Deadline budget = Deadline.after(runDeadline.cap(BUDGET));
        List<CaseResult> results = new ArrayList<>();
        for (Probe probe : probes) {
            StepResult step = budget.passed() || !alive.getAsBoolean()
                    ? new StepResult(0, probe.method(), probe.path(), probe.expectedStatus(), null, false,
                            budget.passed()
                                    ? "not run: the robustness budget of " + ProductClient.seconds(budget.budget())
                                            + " was used up"
                                    : "not run: the product has ended",
                            0)
                    : send(baseUrl, probe, budget.cap(requestTimeout));
            results.add(new CaseResult(probe.name(), step.passed(), List.of(step)));
        }
        return results;
    }

    private record Answer(int status, String contentType, String text) {
    }

    private StepResult send(String baseUrl, Probe probe, Duration timeout) {
        long started = System.nanoTime();
        CompletableFuture<Answer> pending = CompletableFuture.supplyAsync(() -> exchange(baseUrl, probe, timeout),
                SENDERS);
        try {
            Answer answer = pending.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            String problem = judge(probe, answer);
            // a probe asks for a status and a content type, not a body: no expected body to quote
            return new StepResult(0, probe.method(), probe.path(), probe.expectedStatus(), answer.status(),
                    problem == null, problem == null ? "ok" : problem, millisSince(started), requestBody(probe), null,
                    Excerpts.evidence(answer.text()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return failed(probe, "no answer within " + ProductClient.seconds(timeout), started);
        } catch (ExecutionException e) {
            return failed(probe, "request failed: " + e.getCause().getMessage(), started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(probe, "interrupted", started);
        }
    }

    private static String judge(Probe probe, Answer answer) {
        if (!probe.statuses().contains(answer.status())) {
            return "status: expected " + describe(probe) + " but was " + answer.status() + " "
                    + Excerpts.body(answer.text());
        }
        if (probe.problemJson() && !answer.contentType().startsWith(PROBLEM_JSON)) {
            return "content type: expected " + PROBLEM_JSON + " but was '" + answer.contentType() + "'";
        }
        return null;
    }

    private Answer exchange(String baseUrl, Probe probe, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + probe.path())).timeout(timeout)
                .header("Accept", "application/json");
        if (probe.body() == null) {
            request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(probe.method(),
                    HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String text = new String(body.readNBytes(MAX_READ), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        text);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String describe(Probe probe) {
        return probe.statuses().size() == 1
                ? Integer.toString(probe.expectedStatus())
                : String.join(" or ", probe.statuses().stream().sorted().map(String::valueOf).toList());
    }

    private static StepResult failed(Probe probe, String message, long started) {
        return new StepResult(0, probe.method(), probe.path(), probe.expectedStatus(), null, false, message,
                millisSince(started), requestBody(probe), null, null);
    }

    private static String requestBody(Probe probe) {
        return probe.body() == null ? null : Excerpts.evidence(new String(probe.body(), StandardCharsets.UTF_8));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
