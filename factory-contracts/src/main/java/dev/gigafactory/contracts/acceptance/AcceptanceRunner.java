package dev.gigafactory.contracts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.AcceptanceCase;
import dev.gigafactory.contracts.spec.AcceptanceStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a spec's acceptance cases black-box against a started product. Cases are independent (each has its own saved
 * values); within a case, the first failing step ends it and the rest are reported as not run.
 */
public final class AcceptanceRunner {

    private final StepRunner steps;
    private final Duration requestTimeout;

    public AcceptanceRunner(StepRunner steps, Duration requestTimeout) {
        this.steps = steps;
        this.requestTimeout = requestTimeout;
    }

    public AcceptanceRunner(Duration requestTimeout) {
        this(new StepRunner(new ProductClient()), requestTimeout);
    }

    public List<CaseResult> run(String baseUrl, List<AcceptanceCase> cases, Deadline deadline) {
        List<CaseResult> results = new ArrayList<>();
        for (AcceptanceCase acceptanceCase : cases) {
            results.add(runCase(baseUrl, acceptanceCase, deadline));
        }
        return results;
    }

    CaseResult runCase(String baseUrl, AcceptanceCase acceptanceCase, Deadline deadline) {
        Map<String, JsonNode> saved = new HashMap<>();
        List<StepResult> results = new ArrayList<>();
        String skipReason = null;
        List<AcceptanceStep> caseSteps = acceptanceCase.steps();
        for (int index = 0; index < caseSteps.size(); index++) {
            AcceptanceStep step = caseSteps.get(index);
            if (skipReason == null && deadline.passed()) {
                skipReason = "not run: the run's time budget of " + ProductClient.seconds(deadline.budget())
                        + " was used up";
            }
            if (skipReason != null) {
                results.add(StepRunner.notRun(index, step, skipReason));
                continue;
            }
            StepResult result = steps.run(index, step, saved, baseUrl, deadline.cap(requestTimeout));
            results.add(result);
            if (!result.passed()) {
                skipReason = "not run: step " + index + " failed";
            }
        }
        boolean passed = results.stream().allMatch(StepResult::passed);
        return new CaseResult(acceptanceCase.name(), passed, results);
    }
}
