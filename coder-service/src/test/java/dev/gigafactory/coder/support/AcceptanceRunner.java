package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.spec.AcceptanceCase;
import dev.gigafactory.testsupport.ProductClient;
import java.time.Duration;
import java.util.List;

/** The release gate's own acceptance runner (from the contracts), pointed at a product under test. */
public final class AcceptanceRunner {

    private AcceptanceRunner() {
    }

    /** Every failed case, described with its steps; empty when all passed. */
    public static List<String> run(ProductClient client, List<AcceptanceCase> cases) {
        return new dev.gigafactory.contracts.acceptance.AcceptanceRunner(Duration.ofSeconds(10))
                .run(client.baseUrl(), cases, Deadline.after(Duration.ofMinutes(1))).stream()
                .filter(result -> !result.passed())
                .map(CaseResult.class::cast)
                .map(Json::writeString)
                .toList();
    }
}
