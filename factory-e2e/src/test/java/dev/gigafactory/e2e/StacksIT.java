package dev.gigafactory.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.AcceptanceRunner;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.TestsCompleted.CaseResult;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.testsupport.ExampleSpecs;
import dev.gigafactory.testsupport.ProductClient;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stack through the real fleet, as a user publishes to it: the example specs, with {@code spec.stack} set,
 * become running services that pass every acceptance step of their spec; a second version of a spec, adding a field,
 * replaces the first and keeps the records the first one was given (the quarkus product migrates its PostgreSQL
 * database, the jdk-http one reads its journal).
 */
@ExtendWith(SharedFleet.class)
class StacksIT {

    // a quarkus product's gate builds it with Maven and runs its own tests: minutes on a busy 2-core machine
    private static final Duration WAIT = Duration.ofMinutes(8);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final Pattern SPEC_LINE = Pattern.compile("(?m)^spec:[ \\t]*$");
    private static final Pattern STACK_LINE = Pattern.compile("(?m)^[ \\t]+stack:.*\\R");
    private static final Pattern ESTIMATE_FIELD = Pattern
            .compile("(?m)^( +)- \\{ name: estimate, type: integer, minimum: 0, maximum: 100 \\}[ \\t]*$");
    private static Fleet fleet;

    @BeforeAll
    static void useSharedFleet() {
        fleet = SharedFleet.fleet();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk-http", "quarkus"})
    void theExampleSpecsRunAndPassEveryAcceptanceStep(String stack) {
        List<String> examples = List.of("todo.yaml", "library.yaml", "inventory.yaml");
        for (String example : examples) {
            submit(on(stack, ExampleSpecs.renamedText(example, name(example, stack))));
        }
        for (String example : examples) {
            String name = name(example, stack);
            JsonNode running = FleetWatch.awaitRunning(fleet, name, 1, WAIT);
            ServiceSpec spec = ExampleSpecs.renamed(example, name);
            List<CaseResult> results = new AcceptanceRunner(Duration.ofSeconds(10))
                    .run(running.get("url").asText(), spec.spec().acceptance(), Deadline.after(Duration.ofMinutes(1)));
            assertThat(results).as("%s on %s", example, stack).hasSize(spec.spec().acceptance().size())
                    .allSatisfy(result -> assertThat(result.passed()).as(Json.writeString(result)).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk-http", "quarkus"})
    void aSecondVersionKeepsTheFirstVersionsRecordsAndGivesThemTheNewFieldsDefault(String stack) {
        String name = "keep-" + (stack.equals("quarkus") ? "q" : "j") + "-" + RUN;
        String v1 = on(stack, ExampleSpecs.renamedText("todo.yaml", name));
        submit(v1);
        ProductClient product = new ProductClient(FleetWatch.awaitRunning(fleet, name, 1, WAIT).get("url").asText());
        ProductClient.Answer created = product.post("/todos", "{\"title\":\"written by v1\",\"estimate\":3}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        submit(withField(v1, "- { name: owner, type: string, default: nobody }"));
        FleetWatch.awaitRunning(fleet, name, 2, WAIT);

        ProductClient.Answer kept = product.get("/todos/" + id);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.json().path("title").asText()).isEqualTo("written by v1");
        assertThat(kept.json().path("estimate").asInt()).isEqualTo(3);
        assertThat(kept.json().path("owner").asText()).as("the new field's default on a v1 record").isEqualTo("nobody");
        ProductClient.Answer written = product.post("/todos", "{\"title\":\"written by v2\",\"owner\":\"ada\"}");
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertThat(product.get("/todos").json()).hasSize(2);
    }

    private static String name(String example, String stack) {
        return example.substring(0, example.indexOf('.')) + "-" + (stack.equals("quarkus") ? "q" : "j") + "-" + RUN;
    }

    /** The document with {@code spec.stack} set to this stack, whatever it said. */
    private static String on(String stack, String document) {
        String without = STACK_LINE.matcher(document).replaceAll("");
        Matcher spec = SPEC_LINE.matcher(without);
        assertThat(spec.find()).as("a top-level spec: line").isTrue();
        return without.substring(0, spec.end()) + "\n  stack: " + stack + without.substring(spec.end());
    }

    private static String withField(String todo, String field) {
        Matcher estimate = ESTIMATE_FIELD.matcher(todo);
        assertThat(estimate.find()).as("todo.yaml's estimate field").isTrue();
        return todo.substring(0, estimate.end()) + "\n" + estimate.group(1) + field + todo.substring(estimate.end());
    }

    private static void submit(String document) {
        String name = ExampleSpecs.parse(document).name();
        try (KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers())) {
            FleetSupport.publish(producer, name, document);
        }
    }
}
