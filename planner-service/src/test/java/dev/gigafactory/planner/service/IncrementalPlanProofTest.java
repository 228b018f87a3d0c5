package dev.gigafactory.planner.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.PlanCreated.PlanKind;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.planner.PlannerSamples;
import dev.gigafactory.planner.domain.PassedTree;
import dev.gigafactory.stacks.jdkhttp.PlannedTree;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each kind of change, the planner's incremental plan, run on the tree v1 passed with, gives byte for byte the
 * tree a full plan of v2 gives, while writing fewer files. A task the planner wrongly left out would keep v1's bytes
 * and fail here.
 */
class IncrementalPlanProofTest {

    private static final String V1 = ExampleSpecs.text("library.yaml");
    private static final String MEMBER_NAME = "        - { name: name, type: string, required: true }";
    private static final String BOOK_TITLE = "        - { name: title, type: string, required: true, minLength: 1,"
            + " maxLength: 120 }";
    private static final String BOOK_ISBN = "        - { name: isbn, type: string, pattern: \"^[0-9]{13}$\" }";

    private final Planner planner = new Planner(new Budgets(3, 100_000));

    static Stream<Arguments> changes() {
        return Stream.of(
                change("a field added", V1.replace(MEMBER_NAME, MEMBER_NAME + "\n        - { name: email, type: "
                        + "string, maxLength: 200 }")),
                change("a field removed", V1.replace(BOOK_ISBN + "\n", "")),
                change("a constraint changed", V1.replace("maxLength: 120", "maxLength: 80")),
                change("fields reordered", V1.replace(BOOK_TITLE + "\n" + BOOK_ISBN, BOOK_ISBN + "\n" + BOOK_TITLE)),
                change("an operation added", V1.replace("operations: [create, get, list]",
                        "operations: [create, get, list, delete]")),
                change("an entity added", V1.replace("  acceptance:", "    - name: Loan\n      fields:\n"
                        + "        - { name: due, type: date, required: true }\n  acceptance:")),
                change("an entity removed", V1.substring(0, V1.indexOf("    - name: Member")) + V1.substring(V1
                        .indexOf("  acceptance:")).replace(V1.substring(V1.indexOf("    - name: members cannot")),
                                "")),
                change("entities reordered", reorderedEntities()),
                change("a plural changed", V1.replace("    - name: Member\n", "    - name: Member\n      plural: "
                        + "patrons\n").replace("/members", "/patrons")),
                change("requirements added", V1.replace("  entities:", "  requirements: Titles are unique.\n"
                        + "  entities:")),
                change("an acceptance case changed", V1.replace("pages: 412 } }\n", "pages: 412, price: 9.5 } }\n")),
                change("the description changed", V1.replace("A small lending library", "A lending library")),
                change("the slo changed", V1.replace("  acceptance:", "  slo: { latencyP99Ms: 100 }\n  acceptance:")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anIncrementalPlanWritesWhatAFullPlanWrites(String change, String v2Text) {
        ServiceSpec v1 = ExampleSpecs.parse(V1);
        ServiceSpec v2 = ExampleSpecs.parse(v2Text);
        SourceTree passed = run(planner.plan(PlannerSamples.accepted(v1, 1, null), null), null).tree();

        PlanCreated incremental = planner.plan(PlannerSamples.accepted(v2, 2, v1), passedWith(passed));
        PlanCreated full = planner.plan(PlannerSamples.accepted(v2, 2, v1), null);
        PlannedTree fromBase = run(incremental, passed);
        PlannedTree whole = run(full, null);

        assertThat(incremental.kind()).isEqualTo(PlanKind.INCREMENTAL);
        assertThat(incremental.changes()).as("the change list").isNotEmpty();
        assertThat(fromBase.everyTaskBecause()).isNull();
        assertThat(fromBase.tree().files().keySet()).isEqualTo(whole.tree().files().keySet());
        assertThat(Digests.sha256(fromBase.tree().pack())).as(change).isEqualTo(Digests.sha256(whole.tree().pack()));
        assertThat(fromBase.filesWritten()).as("files written").isLessThan(whole.filesWritten());
        assertThat(fromBase.tasks()).hasSizeLessThan(whole.tasks().size());
    }

    @Test
    void aTaskLeftOutKeepsTheBasesBytes() {
        ServiceSpec v1 = ExampleSpecs.parse(V1);
        ServiceSpec v2 = ExampleSpecs.parse(V1.replace("maxLength: 120", "maxLength: 80"));
        SourceTree passed = run(planner.plan(PlannerSamples.accepted(v1, 1, null), null), null).tree();
        PlanCreated incremental = planner.plan(PlannerSamples.accepted(v2, 2, v1), passedWith(passed));
        PlanCreated withoutBook = new PlanCreated(incremental.spec(), 2, 1, PlanKind.INCREMENTAL, v2,
                incremental.tasks().stream().filter(task -> !task.id().equals("entity:Book")).toList(),
                incremental.changes(), "the Book task left out", null, incremental.baseDigest());

        SourceTree stale = run(withoutBook, passed).tree();

        String validator = "src/main/java/dev/gigafactory/product/library/BookValidator.java";
        assertThat(stale.text(validator)).isEqualTo(passed.text(validator)).contains("120");
        assertThat(run(incremental, passed).tree().text(validator)).doesNotContain("120");
    }

    private static Arguments change(String name, String v2) {
        assertThat(v2).as(name + " changes the text").isNotEqualTo(V1);
        return Arguments.of(name, v2);
    }

    private static String reorderedEntities() {
        int book = V1.indexOf("    - name: Book");
        int member = V1.indexOf("    - name: Member");
        int acceptance = V1.indexOf("  acceptance:");
        return V1.substring(0, book) + V1.substring(member, acceptance) + V1.substring(book, member)
                + V1.substring(acceptance);
    }

    private static PassedTree passedWith(SourceTree v1) {
        return new PassedTree(1, Digests.sha256(v1.pack()));
    }

    private static PlannedTree run(PlanCreated plan, SourceTree base) {
        return PlannedTree.of(plan, ProductModels.from(plan.document(), plan.version()), base);
    }
}
