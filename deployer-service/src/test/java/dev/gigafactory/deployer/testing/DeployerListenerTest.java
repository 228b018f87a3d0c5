package dev.gigafactory.deployer.testing;

import static dev.gigafactory.deployer.testing.Verdicts.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.deployer.service.DeploymentTarget;
import dev.gigafactory.testsupport.FixtureProducts;
import dev.gigafactory.testsupport.KafkaClientPerTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;

/**
 * What the tests of the deployer's listeners share: the running deployer on the real broker and database, a Kafka
 * client of each test's own, and specs of each test's own, whose products are stopped after it.
 */
public abstract class DeployerListenerTest extends KafkaClientPerTest {

    protected static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    protected ArtifactStore artifacts;
    @Inject
    protected DeploymentTarget target;

    private final List<String> specs = new ArrayList<>();

    @AfterEach
    void stopTheProducts() {
        specs.forEach(target::stop);
    }

    /** A spec name no other test uses; its product is stopped after the test. */
    protected String newSpec(String prefix) {
        String spec = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        specs.add(spec);
        return spec;
    }

    /** A passed verdict for the fixture product labelled {@code label}, and its successful deployment. */
    protected DeploymentCompleted deploy(String spec, int version, String label) {
        return deployArtifact(spec, version, artifacts.put(FixtureProducts.jar(label)));
    }

    /** A passed verdict for the artifact {@code digest}, and its successful deployment. */
    protected DeploymentCompleted deployArtifact(String spec, int version, String digest) {
        kafka.publish(passed(spec, version, 1, digest));
        DeploymentCompleted done = kafka.awaitEvent(DeploymentCompleted.class,
                d -> d.spec().equals(spec) && d.version() == version, WAIT);
        assertThat(done.succeeded()).as(done.detail()).isTrue();
        return done;
    }

    /** Every deployment record of {@code spec} on the topic so far. */
    protected List<ConsumerRecord<String, byte[]>> deploymentsOf(String spec) {
        return kafka.records(Topics.DEPLOYMENTS_COMPLETED).stream().filter(r -> spec.equals(r.key())).toList();
    }
}
