package dev.gigafactory.coder.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.config.FactoryConfig;
import dev.gigafactory.coder.support.ArtifactsDirResource;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.devstack.testing.KafkaResource;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plan for a quarkus spec, through the broker: the coder publishes a quarkus product's tree. */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(ArtifactsDirResource.class)
class QuarkusPlanListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    FactoryConfig config;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void publishesAQuarkusProjectForAQuarkusSpec() {
        ServiceSpec spec = Specs.onStack(ExampleSpecs.renamed("todo.yaml", "todo-on-quarkus"), "quarkus");

        kafka.publish(Specs.plan(spec, 1));

        CodeGenerated event = kafka.awaitEvent(CodeGenerated.class, e -> e.spec().equals("todo-on-quarkus"), WAIT);
        assertThat(event.stack()).isEqualTo("quarkus");
        assertThat(event.failure()).isNull();
        SourceTree tree = SourceTree.unpack(new LocalArtifactStore(config.artifactsDir()).get(event.sourceDigest())
                .orElseThrow());
        assertThat(tree.files()).containsKeys("pom.xml",
                "src/main/resources/db/migration/V1__create_todo.sql",
                "src/main/java/dev/gigafactory/product/todoonquarkus/TodoResource.java");
        assertThat(tree.text("gigafactory-product.properties")).contains("stack=quarkus\n", "spec=todo-on-quarkus\n");
    }
}
