package dev.gigafactory.intake.service;

import static dev.gigafactory.intake.PipelineEvents.deployed;
import static dev.gigafactory.intake.PipelineEvents.incident;
import static dev.gigafactory.intake.PipelineEvents.ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.codec.CloudEvent;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.events.FactoryEvent;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.intake.domain.SpecFact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactViewsTest {

    private static final String URL = "http://127.0.0.1:9000";
    private final List<SpecFact> facts = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aRollbackHealsWithTheOlderVersion() {
        given(incident("heal", 2, "inc-r", Remediation.ROLLBACK));
        given(deployed("heal", 1, 1, URL, DeploymentCompleted.rollbackFor("inc-r")));

        ConsoleViews.IncidentView view = FactViews.incidents(facts).get(0);

        assertThat(view.healing().outcome()).isEqualTo("healed");
        assertThat(view.healing().detail()).isEqualTo("rolled back to v1, serving at " + URL);
        assertThat(FactViews.deployments(facts).get(0).kind()).isEqualTo("rollback");
    }

    @Test
    void aReplanHealsWithTheNextReleaseAfterIt() {
        given(deployed("heal", 1, 1, URL, DeploymentCompleted.DEPLOY));
        given(incident("heal", 1, "inc-p", Remediation.REPLAN));

        assertThat(FactViews.incidents(facts).get(0).healing().outcome()).isEqualTo("pending");

        given(deployed("heal", 1, 2, URL, DeploymentCompleted.DEPLOY));
        assertThat(FactViews.incidents(facts).get(0).healing().detail()).startsWith("replanned: v1 attempt 2");
    }

    @Test
    void anEscalationIsForPeople() {
        given(incident("heal", 1, "inc-e", Remediation.ESCALATE));

        assertThat(FactViews.incidents(facts).get(0).healing().outcome()).isEqualTo("escalated");
    }

    @Test
    void theLedgerAddsUpPerVersionAndInTotal() {
        given(ledger("cost", 1, "a", 100, 10, "0.01"));
        given(ledger("cost", 2, "b", 200, 20, "0.02"));
        given(ledger("cost", 2, "c", 300, 30, "0.03"));
        given(new PlanCreated("cost", 2, 1, PlanCreated.PlanKind.INITIAL, null, List.of(), List.of(), "no fact"));

        ConsoleViews.LedgerView ledger = FactViews.ledger(facts);

        assertThat(ledger.total()).isEqualTo(new ConsoleViews.Cost(3, 600, 60, new BigDecimal("0.06")));
        assertThat(ledger.byVersion()).extracting(v -> v.cost().calls()).containsExactly(1L, 2L);
        assertThat(ledger.models()).containsExactly("claude-test");
    }

    private void given(FactoryEvent event) {
        clock = clock.plusSeconds(1);
        SpecFact fact = FactRecorder.factOf(new CloudEvent<>("id-" + facts.size(), "type", "/test", event.spec(),
                clock, null, event));
        if (fact != null) {
            fact.at = clock; // incidents carry their own detection time: keep the test's order
            facts.add(fact);
        }
    }
}
