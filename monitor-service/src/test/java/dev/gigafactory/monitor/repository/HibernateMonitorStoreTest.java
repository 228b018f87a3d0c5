package dev.gigafactory.monitor.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.events.IncidentDetected.Kind;
import dev.gigafactory.contracts.events.IncidentDetected.Remediation;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import dev.gigafactory.monitor.domain.Incident;
import dev.gigafactory.monitor.domain.Incident.Status;
import dev.gigafactory.monitor.domain.LadderPolicy;
import dev.gigafactory.monitor.domain.LiveDeployment;
import dev.gigafactory.monitor.domain.StageProgress;
import dev.gigafactory.monitor.domain.Trouble;
import dev.gigafactory.monitor.domain.WatchedDeployment;
import dev.gigafactory.monitor.service.IncidentDesk;
import dev.gigafactory.monitor.service.IncidentMeters;
import dev.gigafactory.monitor.service.MonitorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Incidents, watched deployments and stages in PostgreSQL, and a monitor resuming from them. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HibernateMonitorStoreTest {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Inject
    MonitorStore store;

    @Test
    void anIncidentIsStoredAndUpdatedAsItGoesAndAFreshDeskResumesIt() {
        String spec = "store-" + UUID.randomUUID().toString().substring(0, 8);
        Incident open = new Incident(UUID.randomUUID().toString(), spec, 3, 1, Kind.CRASH, Remediation.RESTART,
                "GET http://127.0.0.1:1/health: connection refused x 2", 1, Status.OPEN, AT.minusSeconds(2), AT, null,
                null);
        store.save(open);
        store.save(open.remediated(AT.plusSeconds(1)));

        Incident loaded = store.incidentsSince(AT.minusSeconds(60)).stream().filter(i -> i.id().equals(open.id()))
                .findFirst().orElseThrow();
        assertThat(loaded).isEqualTo(open.remediated(AT.plusSeconds(1)));

        IncidentDesk resumed = new IncidentDesk(new LadderPolicy(2, Duration.ofMinutes(10), 4, Duration.ZERO,
                Duration.ZERO), Duration.ofSeconds(60), store, new IncidentMeters(new SimpleMeterRegistry()));
        resumed.resume(store.incidentsSince(AT.minusSeconds(60)));
        assertThat(resumed.unresolved(spec, Kind.CRASH)).map(Incident::id).contains(open.id());

        // the remediation did not hold: the resumed ladder goes on from step 2, not from the start
        Trouble again = new Trouble(spec, 3, 1, Kind.CRASH, "refused again", AT.plusSeconds(5));
        assertThat(resumed.trouble(again, true, AT.plusSeconds(6))).isPresent();
        assertThat(resumed.unresolved(spec, Kind.CRASH).orElseThrow().step()).isEqualTo(2);
    }

    @Test
    void watchedDeploymentsAndStagesAreRemembered() {
        String spec = "store-" + UUID.randomUUID().toString().substring(0, 8);
        WatchedDeployment watched = new WatchedDeployment(new LiveDeployment(spec, 2, 1, "http://127.0.0.1:7"),
                new Slo(new BigDecimal("99.9"), 100), 1);
        StageProgress stage = new StageProgress(spec, 2, "coded", AT, false);

        store.save(watched);
        store.save(stage);

        assertThat(store.watched()).contains(watched);
        assertThat(store.stages()).contains(stage);
    }
}
