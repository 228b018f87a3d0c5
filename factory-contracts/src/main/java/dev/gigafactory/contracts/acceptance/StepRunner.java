package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.AcceptanceStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One acceptance step: substitute saved values, send, compare status then body, save what the step asks for. A step
 * that fails says exactly what differed; one that passes has message {@code ok}.
 */
public final class StepRunner {

    private static final Duration SHORTEST_REQUEST = Duration.ofMillis(1);

    private final ProductClient client;

    public StepRunner(ProductClient client) {
        this.client = client;
    }

    /** Runs the step; on success the values it saves are added to {@code saved}. */
    public StepResult run(int index, AcceptanceStep step, Map<String, JsonNode> saved, String baseUrl,
            Duration timeout) {
        long started = System.nanoTime();
        String method = method(step);
        String path = rawPath(step);
        int expectedStatus = step.expect() == null ? 0 : step.expect().status();
        Placeholders placeholders = new Placeholders(saved);
        List<String> problems = new ArrayList<>();
        Integer actualStatus = null;
        String requestBody = null;
        String actualBody = null;
        try {
            path = placeholders.inPath(path);
            JsonNode body = step.request() == null ? null : placeholders.inJson(step.request().body());
            requestBody = Excerpts.evidence(body);
            Duration limit = timeout.compareTo(SHORTEST_REQUEST) < 0 ? SHORTEST_REQUEST : timeout;
            ProductClient.Reply reply = client.send(baseUrl, method, path, body, limit);
            actualStatus = reply.status();
            actualBody = reply.text().isBlank() ? null : Excerpts.evidence(reply.text());
            problems.addAll(check(step, placeholders, reply));
            if (problems.isEmpty()) {
                problems.addAll(save(step, reply, saved));
            }
        } catch (AcceptanceException | ProductClient.NoReply e) {
            problems.add(e.getMessage());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String message = problems.isEmpty() ? "ok" : String.join("; ", problems);
        return new StepResult(index, method, path, expectedStatus, actualStatus, problems.isEmpty(), message, millis,
                requestBody, expectedBody(step, placeholders), actualBody);
    }

    private static String expectedBody(AcceptanceStep step, Placeholders placeholders) {
        if (step.expect() == null || step.expect().body() == null) {
            return null;
        }
        try {
            return Excerpts.evidence(placeholders.inJson(step.expect().body()));
        } catch (AcceptanceException e) {
            return Excerpts.evidence(step.expect().body());
        }
    }

    /** A step that was not sent because an earlier one failed or the time ran out. */
    public static StepResult notRun(int index, AcceptanceStep step, String reason) {
        int expectedStatus = step.expect() == null ? 0 : step.expect().status();
        return new StepResult(index, method(step), rawPath(step), expectedStatus, null, false, reason, 0);
    }

    private static List<String> check(AcceptanceStep step, Placeholders placeholders, ProductClient.Reply reply) {
        AcceptanceStep.Expectation expect = step.expect();
        if (expect == null) {
            return List.of();
        }
        if (reply.status() != expect.status()) {
            return List.of("status: expected " + expect.status() + " but was " + reply.status() + answered(reply));
        }
        if (expect.body() == null) {
            return List.of();
        }
        JsonNode expected = placeholders.inJson(expect.body());
        if (reply.json() == null) {
            return List.of("body: expected " + Excerpts.json(expected) + " but the response "
                    + (reply.text().isBlank() ? "has no body" : "is not JSON: " + Excerpts.body(reply.text())));
        }
        return JsonMatch.differences("body", expected, reply.json());
    }

    private static List<String> save(AcceptanceStep step, ProductClient.Reply reply, Map<String, JsonNode> saved) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : step.save().entrySet()) {
            SavePath path = SavePath.parse(entry.getValue());
            Optional<JsonNode> value = reply.json() == null ? Optional.empty() : path.read(reply.json());
            if (value.isPresent()) {
                saved.put(entry.getKey(), value.get());
            } else {
                problems.add("save " + entry.getKey() + ": " + path + " is not in the response" + answered(reply));
            }
        }
        return problems;
    }

    private static String answered(ProductClient.Reply reply) {
        return reply.text().isBlank() ? "" : " (response: " + Excerpts.body(reply.text()) + ")";
    }

    private static String method(AcceptanceStep step) {
        String method = step.request() == null ? null : step.request().method();
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    private static String rawPath(AcceptanceStep step) {
        String path = step.request() == null ? null : step.request().path();
        return path == null ? "/" : path;
    }
}
