package dev.gigafactory.coder.support;

import dev.gigafactory.testsupport.ChatCompletionsStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Points the service's LLM agent at a local chat-completions stub (a fresh one per test class), with prices, a work
 * directory and a log file of its own; the stub goes into the test's {@link InjectChatStub} field.
 */
public class ChatStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-live-do-not-log-31337";

    /** Marks the test's field that receives the stub. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectChatStub {
    }

    private ChatCompletionsStub stub;

    @Override
    public Map<String, String> start() {
        stub = ChatCompletionsStub.start();
        Path work = tempDir();
        return Map.of("coder.llm.base-url", stub.baseUrl(), "coder.llm.model", "stub-model",
                "coder.llm.api-key", API_KEY, "coder.llm.retry-backoff", "10ms",
                "coder.llm.prompt-price-per1k-tokens", "0.01", "coder.llm.completion-price-per1k-tokens", "0.03",
                "factory.work-dir", work.resolve("work").toString(),
                "quarkus.log.file.enabled", "true", "quarkus.log.file.path", work.resolve("coder.log").toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stub,
                new TestInjector.AnnotatedAndMatchesType(InjectChatStub.class, ChatCompletionsStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("coder-llm-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
