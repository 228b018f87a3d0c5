package dev.gigafactory.intake.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.intake.domain.SpecStatus;
import java.time.Instant;
import java.util.List;

/** What the status API answers. */
public final class SpecViews {

    private SpecViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submitted(String name, int version, String status, Boolean unchanged, String message,
            String stage, RetryHint retry) {
    }

    /** How to build a version that failed for good again: the reason, and the command and URL that retry it. */
    public record RetryHint(String reason, String command, String url) {

        public static RetryHint of(String name, String reason) {
            return reason == null
                    ? null
                    : new RetryHint(reason, "./factory retry " + name, "/api/specs/" + name + "/retry");
        }
    }

    /** The answer to a retry that was taken. */
    public record Retrying(String name, int version, int retry, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String name, int version, String stage, String url, Instant updatedAt) {

        public static Summary of(SpecStatus status) {
            return new Summary(status.name, status.version, status.stage, status.url, status.updatedAt);
        }
    }

    public record Page(List<Summary> items, int page, int size) {
    }

    /** @param spend every agent call on the ledger for this spec, over all its versions */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String name, int version, String digest, String stage, String url, RetryHint retry,
            ConsoleViews.Cost spend, List<StageChanged> timeline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionDetail(String name, int version, String digest, String stage, String url,
            JsonNode document, JsonNode changes, Instant acceptedAt, List<StageChanged> timeline) {
    }
}
