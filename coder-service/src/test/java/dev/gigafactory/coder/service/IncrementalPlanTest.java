package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * v1 to v2 where only one entity changed: the template is deterministic, so every file of the other entities and
 * every shared file keeps its bytes; only the changed entity's files and the files naming the version differ.
 */
class IncrementalPlanTest {

    private static final String MAIN = "src/main/java/dev/gigafactory/product/library/";
    private static final String TEST = "src/test/java/dev/gigafactory/product/library/";
    private static final TemplateCodeAgent AGENT = new TemplateCodeAgent();

    @Test
    void onlyTheChangedEntitysFilesAndTheVersionStampsDiffer() {
        ServiceSpec v1 = Specs.example("library.yaml");
        ServiceSpec v2 = memberWithEmail();

        Map<String, byte[]> before = AGENT.generate(plan(v1, 1, PlanCreated.PlanKind.INITIAL)).tree().files();
        Map<String, byte[]> after = AGENT.generate(plan(v2, 2, PlanCreated.PlanKind.INCREMENTAL)).tree().files();

        assertThat(after.keySet()).isEqualTo(before.keySet());
        Set<String> changed = before.keySet().stream().filter(path -> !Arrays.equals(before.get(path),
                after.get(path))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(changed).containsExactlyInAnyOrder(
                // the entity that changed
                MAIN + "Member.java", MAIN + "MemberValidator.java",
                // files that name the spec version or check every entity
                "gigafactory-product.properties", "README.md", MAIN + "Main.java", TEST + "ProductTest.java");
        Set<String> same = new TreeSet<>(before.keySet());
        same.removeAll(changed);
        assertThat(same).contains(MAIN + "Book.java", MAIN + "BookValidator.java", MAIN + "BookStore.java",
                MAIN + "MemberStore.java", MAIN + "Requirements.java", MAIN + "Router.java", MAIN + "Journal.java",
                MAIN + "Store.java", "build.sh", ".gitignore");
    }

    @Test
    void theSamePlanTwiceGivesTheSameBytes() {
        PlanCreated plan = plan(Specs.example("library.yaml"), 1, PlanCreated.PlanKind.INITIAL);

        assertThat(AGENT.generate(plan).tree().pack()).isEqualTo(AGENT.generate(plan).tree().pack());
    }

    private static ServiceSpec memberWithEmail() {
        String yaml = readExample().replace("        - { name: name, type: string, required: true }",
                "        - { name: name, type: string, required: true }\n"
                        + "        - { name: email, type: string, maxLength: 200 }");
        assertThat(yaml).contains("name: email");
        return Specs.parse(yaml);
    }

    private static String readExample() {
        return ExampleSpecs.text("library.yaml");
    }

    private static PlanCreated plan(ServiceSpec spec, int version, PlanCreated.PlanKind kind) {
        PlanCreated base = Specs.plan(spec, version);
        return new PlanCreated(base.spec(), version, 1, kind, spec, base.tasks(), base.changes(), "test");
    }
}
