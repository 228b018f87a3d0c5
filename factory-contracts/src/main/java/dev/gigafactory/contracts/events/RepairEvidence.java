package dev.gigafactory.contracts.events;

import java.util.List;

/**
 * What a failed attempt showed, carried by a repair plan as data: the coder's agent reads it (an LLM's repair prompt
 * shows it), and a repair whose code has the digest of any failed attempt cannot change the outcome.
 *
 * @param failedAttempt the attempt whose tests failed
 * @param failedDigests the source digests of every failed attempt of this version so far, oldest first
 * @param failure the gate's summary of why the attempt failed
 * @param steps every failing acceptance step, with the request, the expected and the actual answer
 * @param logExcerpt the end of the product's log from the failed run
 */
public record RepairEvidence(int failedAttempt, List<String> failedDigests, String failure, List<FailedStep> steps,
        String logExcerpt) {

    /** One failing acceptance step; bodies are JSON text, bounded. */
    public record FailedStep(String testCase, int index, String method, String path, String requestBody,
            int expectedStatus, String expectedBody, Integer actualStatus, String actualBody, String message) {
    }
}
