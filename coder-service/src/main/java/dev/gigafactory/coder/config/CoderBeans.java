package dev.gigafactory.coder.config;

import dev.gigafactory.coder.service.CodeAgent;
import dev.gigafactory.coder.service.CodeGenerationService;
import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the plain-Java service classes into CDI; they stay constructible without Quarkus in unit tests. */
@ApplicationScoped
public class CoderBeans {

    @Produces
    @Singleton
    ArtifactStore artifactStore(FactoryConfig config) {
        return new LocalArtifactStore(config.artifactsDir());
    }

    @Produces
    @Singleton
    CodeAgent codeAgent() {
        return new TemplateCodeAgent();
    }

    @Produces
    @Singleton
    CodeGenerationService codeGenerationService(CodeAgent agent, ArtifactStore store) {
        return new CodeGenerationService(agent, store);
    }
}
