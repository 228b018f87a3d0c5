package dev.gigafactory.stacks.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The classes a model writes in the domain package belong to the requirements task, like its Requirements class. */
class DomainFilesTest {

    private static final ServiceSpec SPEC = ExampleSpecs.example("memos.yaml");
    private static final ProductModel PRODUCT = ProductModels.from(SPEC, 2);
    private static final String DOMAIN_CLASS = PRODUCT.domainSource("Words");

    @Test
    void aPlanThatLeavesTheRequirementsAloneKeepsTheModelsDomainClasses() {
        PlannedTree planned = PlannedTree.of(plan(PlanTask.Kind.PROJECT), PRODUCT, baseWithDomainClass());

        assertThat(planned.tree().files()).containsKey(DOMAIN_CLASS);
        assertThat(planned.tree().text(DOMAIN_CLASS)).contains("class Words");
    }

    @Test
    void aPlanThatRunsTheRequirementsAgainDropsThem() {
        PlannedTree planned = PlannedTree.of(plan(PlanTask.Kind.PROJECT, PlanTask.Kind.REQUIREMENTS), PRODUCT,
                baseWithDomainClass());

        assertThat(planned.tree().files()).doesNotContainKey(DOMAIN_CLASS);
        assertThat(planned.tree().text(PRODUCT.mainSource(RequirementsWriter.CLASS_NAME)))
                .isEqualTo(RequirementsWriter.write(PRODUCT));
    }

    @Test
    void theRequirementsTaskOwnsTheDomainPackageOnlyWhereTheTreeHasIt() {
        PlanTask requirements = PlanTask.of(PlanTask.Kind.REQUIREMENTS, SPEC.name());

        assertThat(ProductTasks.pathsIn(PRODUCT, requirements, baseWithDomainClass()))
                .containsExactlyInAnyOrder(PRODUCT.mainSource(RequirementsWriter.CLASS_NAME), DOMAIN_CLASS);
        assertThat(ProductTasks.pathsIn(PRODUCT, requirements, template()))
                .containsExactly(PRODUCT.mainSource(RequirementsWriter.CLASS_NAME));
    }

    private static SourceTree baseWithDomainClass() {
        Map<String, byte[]> files = new TreeMap<>(template().files());
        files.put(DOMAIN_CLASS, ("package " + PRODUCT.packageName() + ".domain;\n\npublic final class Words { }\n")
                .getBytes(StandardCharsets.UTF_8));
        return new SourceTree(files);
    }

    private static SourceTree template() {
        Map<String, byte[]> files = new TreeMap<>();
        ProductSources.write(PRODUCT).forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new SourceTree(files);
    }

    private static PlanCreated plan(PlanTask.Kind... kinds) {
        List<PlanTask> tasks = Arrays.stream(kinds).map(kind -> PlanTask.of(kind, SPEC.name())).toList();
        return new PlanCreated(SPEC.name(), 2, 1, PlanCreated.PlanKind.INCREMENTAL, SPEC, tasks,
                List.of(SpecChange.changed("description", "description")), "test", null, "sha256:" + "0".repeat(64));
    }
}
