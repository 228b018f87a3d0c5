package dev.gigafactory.coder.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.PlanCreated;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGenerationServiceTest {

    @TempDir
    Path artifacts;

    @Test
    void storesTheTreeAndDescribesItInTheEvent() {
        LocalArtifactStore store = new LocalArtifactStore(artifacts);
        PlanCreated plan = Specs.plan(Specs.example("todo.yaml"), 2, 3);

        CodeGenerated event = new CodeGenerationService(new TemplateCodeAgent(), store).generate("plan-1", plan);

        assertThat(event.spec()).isEqualTo("todo");
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.attempt()).isEqualTo(3);
        assertThat(event.stack()).isEqualTo("jdk-http");
        assertThat(event.agent()).isEqualTo("template");
        assertThat(event.document()).isEqualTo(plan.document());
        assertThat(store.contains(event.sourceDigest())).isTrue();
        SourceTree tree = SourceTree.unpack(store.get(event.sourceDigest()).orElseThrow());
        assertThat(tree.files()).hasSize(event.fileCount()).containsKey("gigafactory-product.properties");
    }

    @Test
    void givesTheSameDigestAndEventIdWhenThePlanIsProcessedAgain() {
        PlanCreated plan = Specs.plan(Specs.example("library.yaml"), 1);

        CodeGenerated first = new CodeGenerationService(new TemplateCodeAgent(), new LocalArtifactStore(artifacts))
                .generate("plan-1", plan);
        CodeGenerated afterRestart = new CodeGenerationService(new TemplateCodeAgent(),
                new LocalArtifactStore(artifacts)).generate("plan-1", plan);

        assertThat(afterRestart).isEqualTo(first);
        assertThat(CloudEventCodec.idOf(EventType.CODE_GENERATED, afterRestart))
                .isEqualTo(CloudEventCodec.idOf(EventType.CODE_GENERATED, first));
    }

    @Test
    void regeneratesWhenARememberedTreeIsNoLongerInTheStore(@TempDir Path otherStore) {
        PlanCreated plan = Specs.plan(Specs.example("todo.yaml"), 1);
        CodeGenerationService service = new CodeGenerationService(new TemplateCodeAgent(),
                new LocalArtifactStore(artifacts));
        CodeGenerated first = service.generate("plan-1", plan);
        LocalArtifactStore emptied = new LocalArtifactStore(otherStore);
        CodeGenerationService sameMemoryNewStore = new CodeGenerationService(new TemplateCodeAgent(), emptied);

        CodeGenerated again = sameMemoryNewStore.generate("plan-1", plan);

        assertThat(again.sourceDigest()).isEqualTo(first.sourceDigest());
        assertThat(emptied.contains(again.sourceDigest())).isTrue();
    }
}
