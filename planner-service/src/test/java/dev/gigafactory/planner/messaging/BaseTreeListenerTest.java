package dev.gigafactory.planner.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.planner.PlanEvents;
import dev.gigafactory.planner.PlannerListenerTest;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.testsupport.ExampleSpecs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * On the plans topic, every plan of a version after the first names the tree the newest earlier version passed the
 * gate with, whatever its kind; version 1's plans, and those of a version before which nothing passed, name none.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BaseTreeListenerTest extends PlannerListenerTest {

    @Test
    void repairsRetriesAndRemediationsOfV2NameTheTreeV1PassedWith() {
        String name = "base-every-kind";
        ServiceSpec v1 = PlannerSamples.library(name);
        ServiceSpec v2 = changed(name, "maxLength: 80");
        kafka.publish(PlannerSamples.accepted(v1, 1, null));
        awaitPlan(name, p -> p.version() == 1);
        kafka.publish(PlannerSamples.failedWithCases(v1, 1, 1, "title was null"));
        awaitPlan(name, p -> p.version() == 1 && p.attempt() == 2);
        passed(v1, 2, PlannerSamples.digest(41));

        kafka.publish(PlannerSamples.accepted(v2, 2, v1));
        PlanCreated incremental = awaitPlan(name, p -> p.version() == 2);
        kafka.publish(PlannerSamples.failedWithCases(v2, 2, 1, "title too long"));
        PlanCreated repair = awaitPlan(name, p -> p.version() == 2 && p.kind() == PlanKind.REPAIR);
        kafka.publish(PlannerSamples.retried(v2, 2, 1, "title too long"));
        PlanCreated retry = awaitPlan(name, p -> p.version() == 2 && p.kind() == PlanKind.RETRY);
        kafka.publish(PlannerSamples.incident(name, 2, retry.attempt(), Remediation.REPLAN));
        PlanCreated remediation = awaitPlan(name, p -> p.version() == 2 && p.kind() == PlanKind.REMEDIATION);

        assertThat(incremental.kind()).isEqualTo(PlanKind.INCREMENTAL);
        assertThat(incremental.tasks()).hasSizeLessThan(PlanTask.every(v2).size());
        assertThat(List.of(incremental, repair, retry, remediation)).extracting(PlanCreated::baseDigest)
                .containsOnly(PlannerSamples.digest(41));
        assertThat(List.of(repair, retry, remediation)).extracting(PlanCreated::tasks)
                .containsOnly(PlanTask.every(v2));
        assertThat(PlanEvents.of(kafka, name)).filteredOn(e -> e instanceof PlanCreated && e.version() == 1)
                .hasSize(2).extracting(e -> ((PlanCreated) e).baseDigest()).containsOnlyNulls();
    }

    @Test
    void aV2PlannedBeforeV1PassedNamesNoneAndItsRepairAfterV1PassedNamesV1sTree() {
        String name = "base-none-yet";
        ServiceSpec v1 = PlannerSamples.library(name);
        ServiceSpec v2 = changed(name, "maxLength: 80");
        kafka.publish(PlannerSamples.accepted(v1, 1, null));
        kafka.publish(PlannerSamples.accepted(v2, 2, v1));
        PlanCreated first = awaitPlan(name, p -> p.version() == 2);
        kafka.publish(PlannerSamples.failedWithCases(v2, 2, 1, "title too long"));
        PlanCreated beforeV1Passed = awaitPlan(name, p -> p.version() == 2 && p.attempt() == 2);

        // Same topic and key: v1's verdict is handled before v2's second failure.
        kafka.publish(PlannerSamples.passed(v1, 1, 1, PlannerSamples.digest(51)));
        kafka.publish(PlannerSamples.failedWithCases(v2, 2, 2, "title still too long"));
        PlanCreated afterV1Passed = awaitPlan(name, p -> p.version() == 2 && p.attempt() == 3);

        assertThat(first.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(first.tasks()).isEqualTo(PlanTask.every(v2));
        assertThat(first.baseDigest()).isNull();
        assertThat(beforeV1Passed.baseDigest()).isNull();
        assertThat(afterV1Passed.kind()).isEqualTo(PlanKind.REPAIR);
        assertThat(afterV1Passed.baseDigest()).isEqualTo(PlannerSamples.digest(51));
    }

    @Test
    void aV3WhosePredecessorNeverPassedIsPlannedInFullOnTheNewestTreeThatDid() {
        String name = "base-newest";
        ServiceSpec v1 = PlannerSamples.library(name);
        ServiceSpec v2 = changed(name, "maxLength: 80");
        ServiceSpec v3 = changed(name, "maxLength: 60");
        kafka.publish(PlannerSamples.accepted(v1, 1, null));
        awaitPlan(name, p -> p.version() == 1);
        passed(v1, 1, PlannerSamples.digest(61));
        kafka.publish(PlannerSamples.accepted(v2, 2, v1));
        kafka.publish(PlannerSamples.accepted(v3, 3, v2));
        PlanCreated v3First = awaitPlan(name, p -> p.version() == 3);

        // v2 passes after v3 was planned: v3's next plan builds on it, the newest earlier tree that passed.
        kafka.publish(PlannerSamples.passed(v2, 2, 1, PlannerSamples.digest(62)));
        kafka.publish(PlannerSamples.failedWithCases(v3, 3, 1, "title too long"));
        PlanCreated v3Repair = awaitPlan(name, p -> p.version() == 3 && p.kind() == PlanKind.REPAIR);

        assertThat(v3First.kind()).isEqualTo(PlanKind.INITIAL);
        assertThat(v3First.tasks()).isEqualTo(PlanTask.every(v3));
        assertThat(v3First.baseDigest()).isEqualTo(PlannerSamples.digest(61));
        assertThat(v3First.reason()).contains("no attempt of version 2 has passed");
        assertThat(v3Repair.baseDigest()).isEqualTo(PlannerSamples.digest(62));
    }

    private static ServiceSpec changed(String name, String titleMaxLength) {
        return ExampleSpecs.parse(ExampleSpecs.renamedText("library.yaml", name)
                .replace("maxLength: 120", titleMaxLength));
    }

    private PlanCreated awaitPlan(String name, Predicate<PlanCreated> which) {
        return kafka.awaitEvent(PlanCreated.class, p -> p.spec().equals(name) && which.test(p), WAIT);
    }

    // The verdict and the next acceptance travel on different topics: wait until the planner remembers the pass.
    private void passed(ServiceSpec spec, int attempt, String digest) {
        kafka.publish(PlannerSamples.passed(spec, 1, attempt, digest));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/plans/" + spec.name() + "/versions/1").then()
                .body("passedSourceDigest", equalTo(digest)));
    }
}
