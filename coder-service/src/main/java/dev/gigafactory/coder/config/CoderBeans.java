package dev.gigafactory.coder.config;

import dev.gigafactory.coder.service.CodeAgent;
import dev.gigafactory.coder.service.CodeGenerationService;
import dev.gigafactory.coder.service.LedgerSink;
import dev.gigafactory.coder.service.LlmCodeAgent;
import dev.gigafactory.coder.service.TemplateCodeAgent;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.service.provenance.ProvenanceRepository;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Wires the plain-Java service classes into CDI; they stay constructible without Quarkus in unit tests. */
@ApplicationScoped
public class CoderBeans {

    private static final Logger LOG = Logger.getLogger(CoderBeans.class);

    @Produces
    @Singleton
    ArtifactStore artifactStore(FactoryConfig config) {
        return new LocalArtifactStore(config.artifactsDir());
    }

    /** The LLM agent only when a model is configured; it still leaves specs without requirements to the template. */
    @Produces
    @Singleton
    CodeAgent codeAgent(LlmConfig llm, LedgerSink ledger, ArtifactStore store) {
        TemplateCodeAgent template = new TemplateCodeAgent(ledger);
        if (llm.baseUrl().isEmpty() || llm.baseUrl().get().isBlank()) {
            return template;
        }
        LlmSettings settings = new LlmSettings(llm.baseUrl().get(), llm.model(), llm.apiKey().orElse(null),
                llm.timeout(), llm.maxRetries(), llm.retryBackoff(), llm.maxAttempts(), llm.promptPricePer1kTokens(),
                llm.completionPricePer1kTokens(), llm.maxCompletionTokens());
        LOG.infof("LLM agent enabled: %s", settings);
        return new LlmCodeAgent(template, new ChatClient(settings), settings, ledger, store);
    }

    @Produces
    @Singleton
    ProvenanceRepository provenanceRepository(FactoryConfig factory, ProvenanceConfig config) {
        return new ProvenanceRepository(config.reposDir().orElse(factory.workDir().resolve("repos")));
    }

    @Produces
    @Singleton
    CodeGenerationService codeGenerationService(CodeAgent agent, ArtifactStore store, ProvenanceConfig config,
            ProvenanceRepository provenance) {
        return new CodeGenerationService(agent, store, config.enabled() ? provenance : null);
    }

    void closeCodeGeneration(@Disposes CodeGenerationService service) {
        service.close();
    }
}
