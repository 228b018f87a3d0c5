package dev.gigafactory.coder.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.gigafactory.coder.support.ChatStubResource.InjectChatStub;
import dev.gigafactory.coder.support.ChatStubResource;
import dev.gigafactory.coder.support.Hooks;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.codec.CloudEventCodec;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.spec.SpecMetadata;
import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.testsupport.ChatCompletionsStub.Reply;
import dev.gigafactory.testsupport.ChatCompletionsStub;
import dev.gigafactory.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The running service with a (stub) model: every call on factory.ledger, the product committed, the key unseen. */
@QuarkusTest
@QuarkusTestResource(value = ChatStubResource.class, restrictToAnnotatedClass = true)
class LlmLedgerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SPEC = "notes-ledger";

    @InjectChatStub
    ChatCompletionsStub stub;

    @ConfigProperty(name = "factory.work-dir")
    Path workDir;

    @ConfigProperty(name = "quarkus.log.file.path")
    Path logFile;

    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestClient.fromConfig();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void everyAgentCallIsOnTheLedgerAndTheKeyIsNowhere() throws Exception {
        stub.script(Reply.completion(inPackage(Hooks.FORBIDDEN, "notesledger"), 300, 40),
                Reply.completion(inPackage(Hooks.GOOD, "notesledger"), 500, 60));
        ServiceSpec spec = renamed(Hooks.SPEC);

        kafka.publish(Specs.plan(spec, 1));

        CodeGenerated generated = kafka.awaitEvent(CodeGenerated.class, e -> e.spec().equals(SPEC), WAIT);
        assertThat(generated.agent()).isEqualTo("llm");
        List<LedgerEntryRecorded> all = Awaitility.await().atMost(WAIT).until(() -> ledger(SPEC),
                found -> found.size() >= 3);
        // the template's scaffold is a call too: free, but its time is on the record
        assertThat(all).filteredOn(entry -> entry.model().equals("template")).singleElement().satisfies(entry -> {
            assertThat(entry.promptTokens() + entry.completionTokens()).isZero();
            assertThat(entry.costUsd()).isZero();
            assertThat(entry.durationMs()).isNotNegative();
        });
        List<LedgerEntryRecorded> entries = all.stream().filter(entry -> !entry.model().equals("template")).toList();
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.version()).isEqualTo(1);
            assertThat(entry.attempt()).isEqualTo(1);
            assertThat(entry.stage()).isEqualTo("coder");
            assertThat(entry.model()).isEqualTo("stub-model");
        });
        assertThat(entries).extracting(LedgerEntryRecorded::promptTokens).containsExactly(300L, 500L);
        assertThat(entries).extracting(LedgerEntryRecorded::completionTokens).containsExactly(40L, 60L);
        // 300 * 0.01 / 1000 + 40 * 0.03 / 1000
        assertThat(entries.get(0).costUsd()).isEqualByComparingTo("0.0042");
        assertThat(entries).extracting(LedgerEntryRecorded::callId).doesNotHaveDuplicates();

        assertThat(stub.requests()).allSatisfy(
                request -> assertThat(request.authorization()).isEqualTo("Bearer " + ChatStubResource.API_KEY));
        assertKeyAbsentFrom(Topics.LEDGER);
        assertKeyAbsentFrom(Topics.CODE_GENERATED);
        String log = Files.readString(logFile);
        assertThat(log).contains("LLM agent enabled").contains("apiKey=***").doesNotContain(ChatStubResource.API_KEY);
    }

    @Test
    void theGeneratedVersionIsACommitInTheSpecsRepository() {
        stub.script(Reply.completion(inPackage(Hooks.GOOD, "notesrepo"), 10, 10));
        ServiceSpec spec = new ServiceSpec(Hooks.SPEC.apiVersion(), Hooks.SPEC.kind(),
                new SpecMetadata("notes-repo", Map.of()), Hooks.SPEC.spec());

        kafka.publish(Specs.plan(spec, 1));
        assertThat(kafka.awaitEvent(CodeGenerated.class, e -> e.spec().equals("notes-repo"), WAIT).agent())
                .isEqualTo("llm");

        // the commit is written after the event is out
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/repos/notes-repo").then().statusCode(200)
                .body("path", equalTo(workDir.resolve("repos/notes-repo.git").toAbsolutePath().normalize()
                        .toString()))
                .body("log", hasSize(1))
                .body("log[0].message", startsWith("notes-repo v1 attempt 1: initial plan")));
        given().get("/api/repos/never-seen").then().statusCode(404);
    }

    private List<LedgerEntryRecorded> ledger(String spec) {
        return kafka.records(Topics.LEDGER).stream().filter(r -> spec.equals(r.key()))
                .map(r -> CloudEventCodec.decode(r.headers(), r.value(), LedgerEntryRecorded.class).data()).toList();
    }

    private void assertKeyAbsentFrom(String topic) {
        for (ConsumerRecord<String, byte[]> record : kafka.records(topic)) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(ChatStubResource.API_KEY);
            record.headers().forEach(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8))
                    .doesNotContain(ChatStubResource.API_KEY));
        }
    }

    private static String inPackage(String reply, String segment) {
        return reply.replace(Hooks.PACKAGE, "dev.gigafactory.product." + segment);
    }

    private static ServiceSpec renamed(ServiceSpec spec) {
        return new ServiceSpec(spec.apiVersion(), spec.kind(), new SpecMetadata(SPEC, Map.of()), spec.spec());
    }
}
