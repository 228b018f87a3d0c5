package dev.gigafactory.tester.robustness;

import java.util.Set;

/**
 * One robustness request and what a correct product answers: one of {@code statuses}, and, when
 * {@code problemJson}, an {@code application/problem+json} body. {@code body} is sent as is (null: no body).
 */
public record Probe(String name, String method, String path, byte[] body, Set<Integer> statuses,
        boolean problemJson) {

    public int expectedStatus() {
        return statuses.stream().min(Integer::compare).orElseThrow();
    }
}
