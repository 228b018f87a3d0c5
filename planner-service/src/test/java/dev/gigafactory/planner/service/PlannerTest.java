package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.planner.PlannerSamples;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private final Planner planner = new Planner(3);

    @Test
    void theFirstVersionGetsTheWholeTaskGraphInDependencyOrder() {
        ServiceSpec spec = PlannerSamples.library("lib");

        PlanCreated plan = planner.plan(PlannerSamples.accepted(spec, 1, null));

        assertThat(plan.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(plan.attempt()).isEqualTo(1);
        assertThat(plan.tasks()).extracting(PlanTask::id).containsExactly("scaffold", "storage", "api-books",
                "api-members", "validation", "observability", "acceptance-tests", "packaging");
        Set<String> done = new HashSet<>();
        for (PlanTask task : plan.tasks()) {
            assertThat(done).as(task.id() + " runs after what it depends on").containsAll(task.dependsOn());
            done.add(task.id());
        }
    }

    @Test
    void aChangedVersionPlansOnlyTheAffectedTasks() {
        ServiceSpec v1 = PlannerSamples.library("lib");
        String yaml = new String(dev.gigafactory.contracts.codec.Json.write(v1))
                .replace("{\"name\":\"name\",\"type\":\"string\",\"required\":true}",
                        "{\"name\":\"name\",\"type\":\"string\",\"required\":true},{\"name\":\"email\",\"type\":\"string\"}");
        ServiceSpec v2 = new SpecValidator().validate(yaml.getBytes()).spec();

        PlanCreated plan = planner.plan(PlannerSamples.accepted(v2, 2, v1));

        assertThat(plan.kind()).isEqualTo(PlanKind.INCREMENTAL);
        assertThat(plan.tasks()).extracting(PlanTask::id)
                .contains("api-members", "storage", "validation", "acceptance-tests", "packaging")
                .doesNotContain("api-books", "scaffold", "observability");
        assertThat(plan.changes()).extracting(c -> c.path()).containsExactly("Member.email");
    }

    @Test
    void failedTestsGetAnotherAttemptWhileTheBudgetLasts() {
        ServiceSpec spec = PlannerSamples.library("lib");

        PlanCreated repair = planner.repair(PlannerSamples.failed(spec, 1)).orElseThrow();

        assertThat(repair.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(repair.attempt()).isEqualTo(2);
        assertThat(repair.reason()).contains("expected 201 but was 500");
        assertThat(planner.repair(PlannerSamples.failed(spec, 3))).isEmpty();
    }

    @Test
    void theSameInputGivesTheSamePlan() {
        ServiceSpec spec = PlannerSamples.library("lib");

        assertThat(planner.plan(PlannerSamples.accepted(spec, 1, null)).tasks())
                .isEqualTo(planner.plan(PlannerSamples.accepted(spec, 1, null)).tasks());
    }
}
