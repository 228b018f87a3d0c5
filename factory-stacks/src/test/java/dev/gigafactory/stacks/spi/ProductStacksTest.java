package dev.gigafactory.stacks.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.testsupport.ExampleSpecs;
import org.junit.jupiter.api.Test;

class ProductStacksTest {

    @Test
    void findsEachStackByTheNameASpecGives() {
        assertThat(ProductStacks.names()).containsExactly("jdk-http", "quarkus");
        assertThat(ProductStacks.of(ExampleSpecs.example("todo.yaml")).name()).isEqualTo("jdk-http");
        assertThat(ProductStacks.of(onStack(ExampleSpecs.example("todo.yaml"), null)).name()).isEqualTo("jdk-http");
        assertThat(ProductStacks.of(onStack(ExampleSpecs.example("todo.yaml"), "quarkus")).name())
                .isEqualTo("quarkus");
    }

    @Test
    void refusesAnUnknownStackNamingTheKnownOnes() {
        ServiceSpec spring = onStack(ExampleSpecs.example("todo.yaml"), "spring-boot");

        assertThatThrownBy(() -> ProductStacks.of(spring)).isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("no stack 'spring-boot'").hasMessageContaining("jdk-http, quarkus");
    }

    @Test
    void givesEveryStackItsOwnRevision() {
        assertThat(ProductStacks.all()).extracting(ProductStack::revision).doesNotHaveDuplicates()
                .allMatch(revision -> revision.startsWith("sha256:"));
    }

    private static ServiceSpec onStack(ServiceSpec spec, String stack) {
        ServiceDefinition definition = spec.spec();
        return new ServiceSpec(spec.apiVersion(), spec.kind(), spec.metadata(), new ServiceDefinition(
                definition.description(), stack, definition.requirements(), definition.entities(),
                definition.acceptance(), definition.slo(), definition.replicas()));
    }
}
