package dev.gigafactory.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.spec.ServiceSpec;
import org.junit.jupiter.api.Test;

class ExampleSpecsTest {

    @Test
    void readsAnExampleAsTheIntakeValidatesIt() {
        ServiceSpec todo = ExampleSpecs.example("todo.yaml");

        assertThat(todo.name()).isEqualTo("todo");
        assertThat(todo.spec().acceptance()).isNotEmpty();
    }

    @Test
    void renamesOnlyTheSpecsOwnName() {
        ServiceSpec renamed = ExampleSpecs.renamed("library.yaml", "library-copy");

        assertThat(renamed.name()).isEqualTo("library-copy");
        assertThat(renamed.spec().entities()).usingRecursiveComparison()
                .isEqualTo(ExampleSpecs.example("library.yaml").spec().entities());
    }

    @Test
    void aMissingExampleIsNamedInTheError() {
        assertThatThrownBy(() -> ExampleSpecs.bytes("nope.yaml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no examples/specs/nope.yaml above ");
    }

    @Test
    void aDeploymentIsAFirstDeployThatSucceededUnlessSaidOtherwise() {
        DeploymentCompleted failed = Deployments.of("todo", 2).failed("no start").build();

        assertThat(Deployments.deployed("todo", 1, "http://127.0.0.1:7").succeeded()).isTrue();
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.url()).isNull();
        assertThat(failed.detail()).isEqualTo("no start");
        assertThat(failed.cause()).isEqualTo(DeploymentCompleted.DEPLOY);
    }
}
