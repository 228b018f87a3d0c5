package dev.gigafactory.coder.service.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.SpecChange;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceRepositoryTest {

    private static final TemplateCodeAgent AGENT = new TemplateCodeAgent();

    @TempDir
    Path dir;

    @Test
    void everyVersionIsACommitThatACloneCanRead() throws Exception {
        ProvenanceRepository repos = new ProvenanceRepository(dir.resolve("repos"));
        ServiceSpec spec = Specs.example("todo.yaml");
        PlanCreated v1 = Specs.plan(spec, 1);
        PlanCreated v2 = new PlanCreated("todo", 2, 3, PlanCreated.PlanKind.REPAIR, spec, PlanTask.every(spec),
                List.of(SpecChange.added("field", "Todo.due")), "2 acceptance steps failed");

        Optional<String> first = repos.record(v1, AGENT.generate(v1, null), "sha256:one");
        Optional<String> second = repos.record(v2, AGENT.generate(v2, null), "sha256:two");

        assertThat(first).isPresent();
        assertThat(second).isPresent().isNotEqualTo(first);
        assertThat(repos.log("todo")).extracting(ProvenanceRepository.Commit::id)
                .containsExactly(second.get(), first.get());
        Path clone = dir.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(repos.repositoryOf("todo").toUri().toString())
                .setDirectory(clone.toFile()).call()) {
            List<RevCommit> history = toList(git.log().call());
            assertThat(history).hasSize(2);
            assertThat(history.get(0).getFullMessage()).startsWith("todo v2 attempt 3: repair plan")
                    .contains("Reason: 2 acceptance steps failed").contains("Agent: template")
                    .contains("Changes: added field Todo.due")
                    .contains("Tasks: project, runtime, entity:Todo, entry-point, requirements, tests")
                    .contains("Source digest: sha256:two");
            assertThat(history.get(1).getShortMessage()).isEqualTo("todo v1 attempt 1: initial plan");
            assertThat(history.get(0).getAuthorIdent().getName()).isEqualTo("Gigafactory coder");
        }
        GeneratedSource latest = AGENT.generate(v2, null);
        assertThat(clone.resolve("gigafactory-product.properties")).hasContent(
                latest.tree().text("gigafactory-product.properties").strip());
        assertThat(Files.isExecutable(clone.resolve("build.sh"))).isTrue();
        assertThat(latest.tree().files().keySet()).allSatisfy(path -> assertThat(clone.resolve(path)).exists());
    }

    @Test
    void theSameTreeTwiceIsOneCommit() {
        ProvenanceRepository repos = new ProvenanceRepository(dir);
        PlanCreated plan = Specs.plan(Specs.example("library.yaml"), 1);

        Optional<String> first = repos.record(plan, AGENT.generate(plan, null), "sha256:x");
        Optional<String> again = repos.record(Specs.plan(Specs.example("library.yaml"), 1, 2),
                AGENT.generate(plan, null),
                "sha256:x");

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        assertThat(repos.log("library")).hasSize(1);
        assertThat(repos.log("never-generated")).isEmpty();
    }

    @Test
    void refusesANameThatIsNotASpecName() {
        ProvenanceRepository repos = new ProvenanceRepository(dir);

        assertThatThrownBy(() -> repos.repositoryOf("../escape")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repos.log("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static <T> java.util.List<T> toList(Iterable<T> items) {
        java.util.List<T> list = new java.util.ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
