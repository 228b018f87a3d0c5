package dev.gigafactory.contracts.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.events.TestsCompleted.StepResult;
import dev.gigafactory.contracts.spec.AcceptanceCase;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcceptanceRunnerTest {

    private static final String CREATE_AND_READ = """
            {"name": "create and read", "steps": [
              {"request": {"method": "POST", "path": "/things", "body": {"title": "Buy milk"}},
               "expect": {"status": 201, "body": {"title": "Buy milk", "done": false}},
               "save": {"id": "$.id"}},
              {"request": {"method": "put", "path": "/things/{id}", "body": {"title": "{id} again"}},
               "expect": {"status": 200, "body": {"id": "{id}"}}}
            ]}""";

    private final StubProduct product = new StubProduct();
    private final AcceptanceRunner runner = new AcceptanceRunner(Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        product.close();
    }

    @Test
    void passesStepsThatAnswerAsExpectedSubstitutingSavedValues() {
        product.answer("POST /things", 201, "{\"id\":\"t1\",\"title\":\"Buy milk\",\"done\":false}")
                .answer("PUT /things/t1", 200, "{\"id\":\"t1\",\"title\":\"t1 again\"}");

        CaseResult result = runOne(CREATE_AND_READ);

        assertThat(result.passed()).isTrue();
        assertThat(result.steps()).extracting(StepResult::index, StepResult::method, StepResult::path,
                StepResult::actualStatus, StepResult::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "POST", "/things", 201, "ok"),
                        org.assertj.core.groups.Tuple.tuple(1, "PUT", "/things/t1", 200, "ok"));
        assertThat(product.received().get(1).body()).isEqualTo("{\"title\":\"t1 again\"}");
    }

    @Test
    void failsAStepOnTheFirstDifferenceAndSkipsTheRestOfItsCase() {
        product.answer("POST /things", 201, "{\"id\":\"t1\",\"title\":\"Buy milk\",\"done\":true}");

        CaseResult result = runOne(CREATE_AND_READ);

        assertThat(result.passed()).isFalse();
        StepResult failed = result.steps().get(0);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.expectedStatus()).isEqualTo(201);
        assertThat(failed.actualStatus()).isEqualTo(201);
        assertThat(failed.message()).isEqualTo("body.done: expected false but was true");
        StepResult skipped = result.steps().get(1);
        assertThat(skipped).extracting(StepResult::passed, StepResult::actualStatus, StepResult::message,
                StepResult::path).containsExactly(false, null, "not run: step 0 failed", "/things/{id}");
        assertThat(product.received()).hasSize(1);
    }

    @Test
    void namesTheStatusAndShowsTheResponseWhenTheStatusDiffers() {
        product.answer("POST /things", 400, "{\"title\":\"required\"}");

        StepResult step = runOne(CREATE_AND_READ).steps().get(0);

        assertThat(step.actualStatus()).isEqualTo(400);
        assertThat(step.message()).isEqualTo("status: expected 201 but was 400 (response: {\"title\":\"required\"})");
    }

    @Test
    void runsEveryCaseEvenAfterOneFailed() {
        product.answer("GET /a", 500, "").answer("GET /b", 200, "[]");

        List<CaseResult> results = runner.run(product.baseUrl(), List.of(
                acceptanceCase(
                        "{'name':'a','steps':[{'request':{'method':'GET','path':'/a'},'expect':{'status':200}}]}"),
                acceptanceCase("{'name':'b','steps':[{'request':{'method':'GET','path':'/b'},"
                        + "'expect':{'status':200,'body':[]}}]}")),
                Deadline.after(Duration.ofMinutes(1)));

        assertThat(results).extracting(CaseResult::name, CaseResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false),
                        org.assertj.core.groups.Tuple.tuple("b", true));
        assertThat(results.get(0).steps().get(0).message()).isEqualTo("status: expected 200 but was 500");
    }

    @Test
    void failsAStepWhoseSaveFindsNothing() {
        product.answer("POST /things", 201, "{\"title\":\"Buy milk\",\"done\":false}");

        StepResult step = runOne(CREATE_AND_READ).steps().get(0);

        assertThat(step.passed()).isFalse();
        assertThat(step.message()).startsWith("save id: $.id is not in the response");
    }

    @Test
    void failsAStepThatUsesAValueNothingSaved() {
        CaseResult result = runOne(
                "{'name':'x','steps':[{'request':{'method':'GET','path':'/things/{id}'},'expect':{'status':200}}]}");

        assertThat(result.steps().get(0).message()).startsWith("nothing was saved as {id}");
        assertThat(product.received()).isEmpty();
    }

    @Test
    void saysWhenTheBodyIsNotJson() {
        product.answer("GET /a", 200, "hello there");

        CaseResult result = runOne("{'name':'x','steps':[{'request':{'method':'GET','path':'/a'},"
                + "'expect':{'status':200,'body':{'ok':true}}}]}");

        assertThat(result.steps().get(0).message())
                .isEqualTo("body: expected {\"ok\":true} but the response is not JSON: hello there");
    }

    @Test
    void givesUpOnARequestThatHangs() {
        product.hang("GET /slow");
        AcceptanceRunner impatient = new AcceptanceRunner(Duration.ofMillis(300));

        CaseResult result = impatient.run(product.baseUrl(), List.of(acceptanceCase(
                "{'name':'x','steps':[{'request':{'method':'GET','path':'/slow'},'expect':{'status':200}}]}")),
                Deadline.after(Duration.ofMinutes(1))).get(0);

        assertThat(result.steps().get(0)).extracting(StepResult::actualStatus, StepResult::message)
                .containsExactly(null, "no answer within 300 ms");
    }

    @Test
    void saysWhenTheProductIsGone() {
        String baseUrl = product.baseUrl();
        product.close();

        CaseResult result = runner.run(baseUrl, List.of(acceptanceCase(CREATE_AND_READ)),
                Deadline.after(Duration.ofMinutes(1))).get(0);

        assertThat(result.steps().get(0).message()).startsWith("request failed: ");
    }

    @Test
    void runsNothingOnceTheRunsBudgetIsUsedUp() {
        CaseResult result = runner.run(product.baseUrl(), List.of(acceptanceCase(CREATE_AND_READ)),
                Deadline.after(Duration.ZERO)).get(0);

        assertThat(result.passed()).isFalse();
        assertThat(result.steps()).extracting(StepResult::message)
                .containsOnly("not run: the run's time budget of 0 s was used up");
        assertThat(product.received()).isEmpty();
    }

    private CaseResult runOne(String acceptanceCase) {
        return runner.run(product.baseUrl(), List.of(acceptanceCase(acceptanceCase)),
                Deadline.after(Duration.ofMinutes(1))).get(0);
    }

    private static AcceptanceCase acceptanceCase(String json) {
        try {
            return Json.mapper().readValue(json.replace('\'', '"'), AcceptanceCase.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
