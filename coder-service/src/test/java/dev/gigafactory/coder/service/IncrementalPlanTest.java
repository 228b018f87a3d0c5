package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask.Kind;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coder runs an incremental plan's tasks and keeps every other file from the tree the plan names: the event says
 * how much it wrote, and the tree is the one a full plan of the same version gives.
 */
class IncrementalPlanTest {

    private static final String MEMBER = "src/main/java/dev/gigafactory/product/library/Member.java";
    private static final List<PlanTask> MEMBER_CHANGED = List.of(PlanTask.of(Kind.PROJECT, "library"),
            PlanTask.entity("Member"), PlanTask.of(Kind.REQUIREMENTS, "library"), PlanTask.of(Kind.TESTS, "library"));

    @TempDir
    Path artifacts;
    private LocalArtifactStore store;
    private CodeGenerationService coder;
    private CodeGenerated v1;

    @BeforeEach
    void codeVersionOne() {
        store = new LocalArtifactStore(artifacts);
        coder = new CodeGenerationService(new TemplateCodeAgent(), store);
        v1 = coder.generate("v1", Specs.plan(Specs.example("library.yaml"), 1));
    }

    @Test
    void writesOnlyThePlannedTasksAndGivesTheFullPlansTree() {
        CodeGenerated incremental = coder.generate("v2-incremental", incremental(v1.sourceDigest(), MEMBER_CHANGED));
        CodeGenerated full = coder.generate("v2-full", Specs.plan(memberWithEmail(), 2));

        assertThat(incremental.sourceDigest()).isEqualTo(full.sourceDigest());
        assertThat(incremental.baseDigest()).isEqualTo(v1.sourceDigest());
        assertThat(incremental.tasks()).containsExactly("project", "entity:Member", "requirements", "tests");
        assertThat(incremental.filesWritten()).isEqualTo(4 + 3 + 1 + 1);
        assertThat(full.filesWritten()).isEqualTo(full.fileCount()).isGreaterThan(incremental.filesWritten());
        assertThat(full.baseDigest()).isNull();
        assertThat(tree(incremental).text(MEMBER)).contains("email");
    }

    @Test
    void runsEveryTaskWhenTheBaseIsNotInTheStore() {
        String gone = "sha256:" + "0".repeat(64);

        CodeGenerated generated = coder.generate("v2-no-base", incremental(gone, MEMBER_CHANGED));

        assertThat(generated.baseDigest()).isNull();
        assertThat(generated.filesWritten()).isEqualTo(generated.fileCount());
        assertThat(generated.sourceDigest()).isEqualTo(coder.generate("v2-full", Specs.plan(memberWithEmail(), 2))
                .sourceDigest());
    }

    @Test
    void runsEveryTaskWhenAnotherRevisionOfTheStackWroteTheBase() {
        Map<String, byte[]> files = new TreeMap<>(tree(v1).files());
        String manifest = new String(files.get("gigafactory-product.properties"), StandardCharsets.UTF_8)
                .replaceAll("stack.revision=\\S+", "stack.revision=sha256:" + "1".repeat(64));
        files.put("gigafactory-product.properties", manifest.getBytes(StandardCharsets.UTF_8));
        String older = store.put(new SourceTree(files).pack());

        CodeGenerated generated = coder.generate("v2-older-base", incremental(older, MEMBER_CHANGED));

        assertThat(generated.baseDigest()).isNull();
        assertThat(generated.filesWritten()).isEqualTo(generated.fileCount());
    }

    @Test
    void refusesAPlanThatLeavesTasksOutWithoutABase() {
        assertThatThrownBy(() -> coder.generate("v2-bad", incremental(null, MEMBER_CHANGED)))
                .isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("leaves out [runtime, entity:Book, entry-point]")
                .hasMessageContaining("names no base tree");
    }

    @Test
    void refusesATaskTheVersionDoesNotHave() {
        List<PlanTask> tasks = List.of(PlanTask.of(Kind.PROJECT, "library"), PlanTask.entity("Loan"));

        assertThatThrownBy(() -> coder.generate("v2-loan", incremental(v1.sourceDigest(), tasks)))
                .isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("task 'entity:Loan', which version 2 does not have");
    }

    private static PlanCreated incremental(String base, List<PlanTask> tasks) {
        return new PlanCreated("library", 2, 1, PlanKind.INCREMENTAL, memberWithEmail(), tasks,
                List.of(SpecChange.added("field", "Member.email")), "test", null, base);
    }

    private SourceTree tree(CodeGenerated generated) {
        return SourceTree.unpack(store.get(generated.sourceDigest()).orElseThrow());
    }

    private static ServiceSpec memberWithEmail() {
        String yaml = ExampleSpecs.text("library.yaml").replace("        - { name: name, type: string, required: "
                + "true }",
                "        - { name: name, type: string, required: true }\n"
                        + "        - { name: email, type: string, maxLength: 200 }");
        assertThat(yaml).contains("name: email");
        return Specs.parse(yaml);
    }
}
