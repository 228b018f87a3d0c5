package dev.gigafactory.coder.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.spec.AcceptanceCase;
import dev.gigafactory.contracts.spec.AcceptanceStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs a spec's acceptance steps black-box, with the rules of the design: status exact, body matched partially
 * (arrays element-wise, same length), {@code save} by {@code $.a.b} path, {@code {name}} substituted later.
 */
public final class AcceptanceRunner {

    private AcceptanceRunner() {
    }

    /** Every failed step, described; empty when all passed. */
    public static List<String> run(ProductClient client, List<AcceptanceCase> cases) {
        List<String> failures = new ArrayList<>();
        for (AcceptanceCase acceptanceCase : cases) {
            Map<String, String> saved = new HashMap<>();
            for (int i = 0; i < acceptanceCase.steps().size(); i++) {
                AcceptanceStep step = acceptanceCase.steps().get(i);
                String path = substitute(step.request().path(), saved);
                JsonNode body = step.request().body();
                ProductClient.Answer answer = client.send(step.request().method(), path,
                        body == null ? null : substitute(body.toString(), saved));
                String where = acceptanceCase.name() + " step " + i + " (" + step.request().method() + " " + path + ")";
                if (answer.status() != step.expect().status()) {
                    failures.add(where + ": expected " + step.expect().status() + " but got " + answer);
                    break;
                }
                if (step.expect().body() != null && !matches(step.expect().body(), answer.json())) {
                    failures.add(where + ": body " + answer.body() + " does not match " + step.expect().body());
                    break;
                }
                step.save().forEach((name, jsonPath) -> saved.put(name, extract(answer.json(), jsonPath)));
            }
        }
        return failures;
    }

    static boolean matches(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!actual.isObject() || !matches(member.getValue(), actual.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static String extract(JsonNode json, String path) {
        JsonNode node = json;
        for (String part : path.substring(2).split("\\.")) {
            node = node.path(part);
        }
        return node.asText();
    }

    private static String substitute(String text, Map<String, String> saved) {
        String result = text;
        for (Map.Entry<String, String> value : saved.entrySet()) {
            result = result.replace("{" + value.getKey() + "}", value.getValue());
        }
        return result;
    }
}
