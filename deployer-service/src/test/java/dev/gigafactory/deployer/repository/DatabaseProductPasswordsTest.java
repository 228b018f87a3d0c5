package dev.gigafactory.deployer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.DeploymentState;
import dev.gigafactory.deployer.domain.SpecState;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.devstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a restarted deployer needs to start a quarkus product again, as its own database keeps it. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DatabaseProductPasswordsTest {

    @Inject
    DatabaseProductPasswords passwords;
    @Inject
    DatabaseDeploymentStore store;

    @Test
    void theFirstPasswordKeptForAProductIsTheOneEveryLaterStartGets() {
        String spec = "pw-" + UUID.randomUUID().toString().substring(0, 8);

        String first = passwords.keep(spec, "product_x", "product_x", "first-password");
        String second = passwords.keep(spec, "product_x", "product_x", "another-password");

        assertThat(first).isEqualTo("first-password");
        assertThat(second).isEqualTo("first-password");
    }

    @Test
    void aDeploymentKeepsItsStackInTheStore() {
        String spec = "st-" + UUID.randomUUID().toString().substring(0, 8);
        Deployment quarkus = new Deployment(spec, 1, 1, "sha256:" + "a".repeat(64), Slo.DEFAULT, 42L, 8080, null,
                "quarkus");
        DeploymentRecord record = new DeploymentRecord(UUID.randomUUID().toString(), quarkus,
                DeploymentState.SERVING, "deploy", null, Instant.now(), null);

        store.save(new SpecState(spec, record, null, null), List.of(record));

        assertThat(store.history(spec)).singleElement()
                .satisfies(stored -> assertThat(stored.deployment().release().needsDatabase()).isTrue());
        assertThat(store.load().get(spec).current().deployment().stack()).isEqualTo("quarkus");
    }
}
