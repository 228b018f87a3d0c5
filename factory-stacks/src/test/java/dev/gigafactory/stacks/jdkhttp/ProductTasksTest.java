package dev.gigafactory.stacks.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each file of a product is written by exactly one task, and a task writes exactly the paths it says it owns. */
class ProductTasksTest {

    @ParameterizedTest
    @ValueSource(strings = {"todo.yaml", "library.yaml", "memos.yaml"})
    void everyFileHasExactlyOneTask(String example) {
        ServiceSpec spec = ExampleSpecs.example(example);
        ProductModel product = ProductModels.from(spec, 3);
        Map<String, String> owner = new HashMap<>();

        for (PlanTask task : ProductTasks.every(product)) {
            Map<String, String> files = ProductTasks.write(product, task);
            assertThat(files).as(task.id()).isNotEmpty();
            assertThat(files.keySet()).as(task.id()).isEqualTo(ProductTasks.paths(product, task));
            files.keySet().forEach(path -> assertThat(owner.put(path, task.id()))
                    .as(path + " is written by " + task.id() + " and by another task").isNull());
        }
        assertThat(owner.keySet()).isEqualTo(ProductSources.write(product).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"todo.yaml", "library.yaml", "memos.yaml"})
    void theStackHasTheTasksThePlannerPlans(String example) {
        ServiceSpec spec = ExampleSpecs.example(example);

        assertThat(ProductTasks.every(ProductModels.from(spec, 1))).isEqualTo(PlanTask.every(spec));
    }

    @Test
    void aTaskForAnEntityTheVersionDoesNotHaveIsRefused() {
        ProductModel product = ProductModels.from(ExampleSpecs.example("todo.yaml"), 2);

        assertThatThrownBy(() -> ProductTasks.write(product, PlanTask.entity("Ghost")))
                .isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("entity:Ghost");
    }

    @Test
    void theManifestNamesTheStackAndItsRevision() {
        ProductModel product = ProductModels.from(ExampleSpecs.example("todo.yaml"), 2);

        assertThat(ProductTasks.write(product, PlanTask.of(PlanTask.Kind.PROJECT, "todo")).get(
                "gigafactory-product.properties")).contains("stack=jdk-http\n",
                        "stack.revision=" + StackRevision.current() + "\n");
    }
}
