package dev.gigafactory.stacks.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.PlanTask.Kind;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.stacks.spi.StackTree;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A quarkus product written plan by plan: tasks kept from the base, migrations kept from the history. */
class QuarkusStackTest {

    private static final String BASE = "sha256:" + "a".repeat(64);
    private static final String V1 = "src/main/resources/db/migration/V1__create_todo.sql";
    private static final String V2 = "src/main/resources/db/migration/V2__add_reorder_at.sql";
    private static final List<PlanTask> TODO_CHANGED = List.of(PlanTask.of(Kind.PROJECT, "todo"),
            PlanTask.entity("Todo"), PlanTask.of(Kind.REQUIREMENTS, "todo"), PlanTask.of(Kind.TESTS, "todo"));

    private final QuarkusStack stack = new QuarkusStack();

    @Test
    void writesVersionOneWithItsFirstMigrationAndAManifestForTheTesterAndDeployer() {
        StackTree v1 = write(QuarkusSpecs.full(QuarkusSpecs.todo(), 1, null), null);

        assertThat(v1.failure()).isNull();
        assertThat(v1.filesWritten()).isEqualTo(v1.tree().files().size());
        assertThat(v1.tree().files()).containsKeys(V1, "pom.xml", "gigafactory-spec.json");
        assertThat(v1.tree().text("gigafactory-product.properties")).contains("stack=quarkus\n",
                "stack.revision=" + stack.revision() + "\n", "version=1\n", "build.tool=maven\n",
                "build.goals=verify\n", "run.jar=target/product-runner.jar\n", "datasource=postgresql\n",
                "migrations=src/main/resources/db/migration/\n", "migrations.newest=1\n");
    }

    @Test
    void keepsVersionOnesMigrationByteForByteAndAddsVersionTwos() {
        SourceTree v1 = withMigration(written(1), V1, "-- as version 1 was deployed, comments and all\n");

        StackTree v2 = write(QuarkusSpecs.plan(QuarkusSpecs.todoWithReorderAt(), 2, TODO_CHANGED, BASE), v1);

        assertThat(v2.failure()).isNull();
        assertThat(v2.baseDigest()).isEqualTo(BASE);
        assertThat(v2.tree().files().get(V1)).isEqualTo(v1.files().get(V1));
        assertThat(v2.tree().text(V2)).contains("ALTER TABLE", "reorder_at");
        assertThat(v2.tree().text("gigafactory-product.properties")).contains("version=2\n", "migrations.newest=2\n");
    }

    @Test
    void givesTheTreeOfAFullPlanOnTheSameBase() {
        SourceTree v1 = written(1);
        ServiceSpec v2 = QuarkusSpecs.todoWithReorderAt();

        StackTree incremental = write(QuarkusSpecs.plan(v2, 2, TODO_CHANGED, BASE), v1);
        StackTree full = write(QuarkusSpecs.full(v2, 2, BASE), v1);

        assertThat(Digests.sha256(incremental.tree().pack())).isEqualTo(Digests.sha256(full.tree().pack()));
        assertThat(incremental.tasks()).containsExactly("project", "entity:Todo", "requirements", "tests");
        assertThat(incremental.filesWritten()).isLessThan(full.filesWritten());
        assertThat(full.filesWritten()).as("all but V1").isEqualTo(full.tree().files().size() - 1);
    }

    /** The tasks the planner plans for each kind of change (planner-service TaskGraph.affectedTasks). */
    static Stream<Arguments> changes() {
        String todo = ExampleSpecs.text("todo.yaml");
        return Stream.of(
                Arguments.of("a description", todo.replace("Keeps a team's todo list.", "Keeps todos."),
                        List.of("project")),
                Arguments.of("an operation left out", todo.replace("[create, get, list, update, delete]",
                        "[create, get, list]"),
                        List.of("project", "entity:Todo", "entry-point", "requirements",
                                "tests")),
                Arguments.of("an entity added", todo.replace("  acceptance:\n", """
                            - name: Tag
                              fields:
                                - { name: label, type: string, required: true }
                          acceptance:
                        """), List.of("project", "entity:Tag", "entry-point", "requirements", "tests")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void givesTheFullPlansTreeForEveryKindOfChange(String change, String yaml, List<String> planned) {
        ServiceSpec v2 = QuarkusSpecs.onQuarkus(ExampleSpecs.parse(yaml));
        List<PlanTask> tasks = PlanTask.every(v2).stream().filter(task -> planned.contains(task.id())).toList();
        SourceTree v1 = written(1);

        StackTree incremental = write(QuarkusSpecs.plan(v2, 2, tasks, BASE), v1);
        StackTree full = write(QuarkusSpecs.full(v2, 2, BASE), v1);

        assertThat(incremental.everyTaskBecause()).isNull();
        assertThat(incremental.tasks()).containsExactlyElementsOf(planned);
        assertThat(incremental.tree().files().keySet()).containsExactlyElementsOf(full.tree().files().keySet());
        assertThat(Digests.sha256(incremental.tree().pack())).isEqualTo(Digests.sha256(full.tree().pack()));
    }

    @Test
    void runsEveryTaskOnABaseOfAnotherRevisionButStillKeepsItsMigrations() {
        SourceTree v1 = withMigration(written(1), V1, "-- an older revision's migration\n");
        Map<String, byte[]> files = new TreeMap<>(v1.files());
        files.put("gigafactory-product.properties", v1.text("gigafactory-product.properties")
                .replace(stack.revision(), "sha256:" + "1".repeat(64)).getBytes(StandardCharsets.UTF_8));

        StackTree v2 = write(QuarkusSpecs.plan(QuarkusSpecs.todoWithReorderAt(), 2, TODO_CHANGED, BASE),
                new SourceTree(files));

        assertThat(v2.everyTaskBecause()).contains("another revision");
        assertThat(v2.tasks()).hasSize(PlanTask.every(QuarkusSpecs.todoWithReorderAt()).size());
        assertThat(v2.tree().text(V1)).isEqualTo("-- an older revision's migration\n");
        assertThat(v2.tree().files()).containsKey(V2);
    }

    @Test
    void refusesToRewriteTheHistoryOfALaterVersionWithoutABase() {
        StackTree v2 = write(QuarkusSpecs.full(QuarkusSpecs.todoWithReorderAt(), 2, null), null);

        assertThat(v2.failure()).contains("version 2", "keeps the migrations", "the plan names no such tree");
        assertThat(v2.tree().files().keySet()).noneMatch(path -> path.contains("db/migration"));
    }

    @Test
    void refusesToStartAHistoryOnATreeOfAnotherStack() {
        SourceTree jdkHttp = new SourceTree(Map.of("gigafactory-product.properties",
                "stack=jdk-http\nversion=1\n".getBytes(StandardCharsets.UTF_8)));

        StackTree v2 = write(QuarkusSpecs.full(QuarkusSpecs.todoWithReorderAt(), 2, BASE), jdkHttp);

        assertThat(v2.failure()).contains("written by stack 'jdk-http', which has no migrations");
    }

    @Test
    void refusesAPlanThatLeavesTasksOutWithoutABase() {
        PlanCreated plan = QuarkusSpecs.plan(QuarkusSpecs.todoWithReorderAt(), 2, TODO_CHANGED, null);

        assertThatThrownBy(() -> write(plan, null)).isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("leaves out [runtime, entry-point]");
    }

    private SourceTree written(int version) {
        return write(QuarkusSpecs.full(QuarkusSpecs.todo(), version, null), null).tree();
    }

    private StackTree write(PlanCreated plan, SourceTree base) {
        return stack.write(plan, stack.model(plan.document(), plan.version()), base);
    }

    private static SourceTree withMigration(SourceTree tree, String path, String sql) {
        Map<String, byte[]> files = new TreeMap<>(tree.files());
        files.put(path, sql.getBytes(StandardCharsets.UTF_8));
        return new SourceTree(files);
    }
}
