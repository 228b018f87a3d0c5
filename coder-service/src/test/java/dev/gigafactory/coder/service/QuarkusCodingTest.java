package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.PlanTask.Kind;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coder writes the stack a spec names: a quarkus spec becomes a Maven project whose migrations follow the
 * version history, and an unknown stack is refused by name.
 */
class QuarkusCodingTest {

    private static final String V1 = "src/main/resources/db/migration/V1__create_todo.sql";
    private static final String V2 = "src/main/resources/db/migration/V2__add_reorder_at.sql";
    private static final List<PlanTask> TODO_CHANGED = List.of(PlanTask.of(Kind.PROJECT, "todo"),
            PlanTask.entity("Todo"), PlanTask.of(Kind.REQUIREMENTS, "todo"), PlanTask.of(Kind.TESTS, "todo"));

    @TempDir
    Path artifacts;
    private LocalArtifactStore store;
    private CodeGenerationService coder;

    @BeforeEach
    void coder() {
        store = new LocalArtifactStore(artifacts);
        coder = new CodeGenerationService(new TemplateCodeAgent(), store);
    }

    @Test
    void writesAQuarkusProjectForAQuarkusSpec() {
        CodeGenerated v1 = coder.generate("v1", Specs.plan(quarkus(ExampleSpecs.text("todo.yaml")), 1));

        SourceTree tree = tree(v1);
        assertThat(v1.stack()).isEqualTo("quarkus");
        assertThat(v1.failure()).isNull();
        assertThat(tree.files()).containsKeys("pom.xml", V1,
                "src/main/java/dev/gigafactory/product/todo/TodoResource.java")
                .doesNotContainKey("build.sh");
        assertThat(tree.text("gigafactory-product.properties")).contains("stack=quarkus\n", "build.tool=maven\n",
                "run.jar=target/product-runner.jar\n", "migrations.newest=1\n");
    }

    @Test
    void codesVersionTwoOnVersionOnesTreeKeepingItsMigration() {
        CodeGenerated v1 = coder.generate("v1", Specs.plan(quarkus(ExampleSpecs.text("todo.yaml")), 1));

        CodeGenerated incremental = coder.generate("v2", version2(TODO_CHANGED, v1.sourceDigest()));
        CodeGenerated full = coder.generate("v2-full", version2(PlanTask.every(todoWithReorderAt()),
                v1.sourceDigest()));

        assertThat(incremental.failure()).isNull();
        assertThat(incremental.baseDigest()).isEqualTo(v1.sourceDigest());
        assertThat(incremental.sourceDigest()).isEqualTo(full.sourceDigest());
        assertThat(tree(incremental).files().get(V1)).isEqualTo(tree(v1).files().get(V1));
        assertThat(tree(incremental).text(V2)).contains("reorder_at");
    }

    @Test
    void failsALaterVersionWithoutABaseRatherThanRewriteItsHistory() {
        CodeGenerated v2 = coder.generate("v2", Specs.plan(todoWithReorderAt(), 2));

        assertThat(v2.failure()).contains("version 2 of a quarkus product keeps the migrations",
                "the plan names no such tree");
        assertThat(tree(v2).files().keySet()).noneMatch(path -> path.contains("db/migration"));
    }

    @Test
    void refusesAnUnknownStackNamingTheKnownOnes() {
        ServiceSpec spring = Specs.onStack(Specs.example("todo.yaml"), "spring-boot");

        assertThatThrownBy(() -> new TemplateCodeAgent().generate(Specs.plan(spring, 1), null))
                .isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("no stack 'spring-boot'")
                .hasMessageContaining("jdk-http, quarkus");
    }

    private static PlanCreated version2(List<PlanTask> tasks, String base) {
        return new PlanCreated("todo", 2, 1, PlanKind.INCREMENTAL, todoWithReorderAt(), tasks,
                List.of(SpecChange.added("field", "Todo.reorderAt")), "test", null, base);
    }

    private static ServiceSpec todoWithReorderAt() {
        return quarkus(ExampleSpecs.text("todo.yaml").replace("        - { name: estimate,",
                "        - { name: reorderAt, type: date }\n        - { name: estimate,"));
    }

    private static ServiceSpec quarkus(String yaml) {
        return Specs.onStack(Specs.parse(yaml), "quarkus");
    }

    private SourceTree tree(CodeGenerated generated) {
        return SourceTree.unpack(store.get(generated.sourceDigest()).orElseThrow());
    }
}
