package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecMetadata;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCodeAgentTest {

    private final TemplateCodeAgent agent = new TemplateCodeAgent();
    private final ServiceSpec todo = Specs.example("todo.yaml");

    @Test
    void generatesTheSameBytesForTheSamePlan() {
        byte[] first = agent.generate(Specs.plan(todo, 1), null).tree().pack();
        byte[] second = new TemplateCodeAgent().generate(Specs.plan(todo, 1), null).tree().pack();
        byte[] retry = agent.generate(Specs.plan(todo, 1, 2), null).tree().pack();

        assertThat(Digests.sha256(second)).isEqualTo(Digests.sha256(first));
        assertThat(Digests.sha256(retry)).as("another attempt of the same version").isEqualTo(Digests.sha256(first));
    }

    @Test
    void generatesADifferentTreeForANewVersion() {
        String v1 = Digests.sha256(agent.generate(Specs.plan(todo, 1), null).tree().pack());
        String v2 = Digests.sha256(agent.generate(Specs.plan(todo, 2), null).tree().pack());

        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void writesTheManifestTheTesterAndDeployerRead() {
        GeneratedSource source = agent.generate(Specs.plan(todo, 3), null);

        assertThat(source.stack()).isEqualTo("jdk-http");
        assertThat(source.agent()).isEqualTo("template");
        assertThat(source.tree().text("gigafactory-product.properties")).contains(
                "main-class=dev.gigafactory.product.todo.Main\n",
                "test-class=dev.gigafactory.product.todo.ProductTest\n",
                "spec=todo\n", "version=3\n");
    }

    @Test
    void writesOneRecordValidatorAndStorePerEntityBesideTheSharedRuntime() {
        SourceTree tree = agent.generate(Specs.plan(Specs.example("library.yaml"), 1), null).tree();
        String main = "src/main/java/dev/gigafactory/product/library/";

        assertThat(tree.files()).containsKeys(main + "Main.java", main + "Book.java", main + "BookValidator.java",
                main + "BookStore.java", main + "Member.java", main + "MemberValidator.java",
                main + "MemberStore.java", main + "Json.java", main + "Router.java", main + "Journal.java",
                main + "Metrics.java", "src/test/java/dev/gigafactory/product/library/ProductTest.java",
                "README.md", "build.sh");
        assertThat(tree.text(main + "Json.java")).startsWith("package dev.gigafactory.product.library;\n");
        assertThat(tree.text(main + "Server.java")).contains("\"gigafactory-product listening on port \"");
        assertThat(tree.text(main + "Main.java"))
                .contains("router.register(\"members\", memberStore, Set.of(\"create\", \"get\", \"list\"));");
    }

    @Test
    void documentsEndpointsAndFieldsInTheReadme() {
        String readme = agent.generate(Specs.plan(Specs.example("library.yaml"), 1), null).tree().text("README.md");

        assertThat(readme).startsWith("# library\n\nA small lending library")
                .contains("| POST | /books | 201", "| DELETE | /members/{id} | 405 (not offered) |",
                        "| `isbn` | string | no |  | matches `^[0-9]{13}$` |",
                        "| `genre` | enum | no | `fiction` | one of `fiction`, `science`, `history` |",
                        "`null` in answers", "journal.jsonl");
    }

    @Test
    void writesOnlyCodeInFourSpaceIndentationWithoutTabsOrTrailingSpaces() {
        SourceTree tree = agent.generate(Specs.plan(Specs.testSpec("every-type.yaml"), 1), null).tree();

        tree.files().keySet().stream().filter(path -> path.endsWith(".java")).forEach(path -> {
            List<String> lines = tree.text(path).lines().toList();
            assertThat(lines).as(path).noneMatch(line -> line.contains("\t") || line.endsWith(" "))
                    .allMatch(line -> (line.length() - line.stripLeading().length()) % 4 == 0
                            || line.stripLeading().startsWith("*"));
        });
    }

    @Test
    void refusesAPlanWhoseDocumentIsAnotherSpec() {
        ServiceSpec other = new ServiceSpec(todo.apiVersion(), todo.kind(), new SpecMetadata("other", Map.of()),
                todo.spec());
        PlanCreated plan = new PlanCreated("todo", 1, 1, PlanCreated.PlanKind.INITIAL, other, List.of(), List.of(),
                "test");

        assertThatThrownBy(() -> agent.generate(plan, null)).isInstanceOf(UnsafeSpecException.class)
                .hasMessageContaining("its document is 'other'");
    }
}
