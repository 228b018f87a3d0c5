package dev.gigafactory.product.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A tiny assertion helper for tests without a framework: counts passes, remembers failures, prints a summary. */
final class Check {

    private int passed;
    private final List<String> failures = new ArrayList<>();

    void that(boolean condition, String description) {
        if (condition) {
            passed++;
        } else {
            failures.add(description);
        }
    }

    void equal(Object expected, Object actual, String description) {
        that(Objects.equals(expected, actual), description + ": expected <" + expected + "> but was <" + actual + ">");
    }

    /** The action must be refused with a 400 problem that names the field. */
    void rejects(String description, String field, Runnable action) {
        try {
            action.run();
            that(false, description + ": was accepted");
        } catch (Problem problem) {
            boolean named = problem.errors().stream().anyMatch(error -> error.field().equals(field));
            that(problem.status() == 400 && named, description + ": " + problem.status() + " " + problem.errors());
        }
    }

    /** Prints one line per failure and the summary; the exit code is 0 only when everything passed. */
    int summarize(String suite) {
        failures.forEach(failure -> System.out.println("FAILED " + failure));
        System.out.println(suite + ": " + passed + " passed, " + failures.size() + " failed");
        return failures.isEmpty() ? 0 : 1;
    }
}
