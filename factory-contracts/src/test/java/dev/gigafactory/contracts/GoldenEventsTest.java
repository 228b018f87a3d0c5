package dev.gigafactory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.events.EventType;
import dev.gigafactory.contracts.events.FactoryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format of every event is pinned by a golden JSON file: a change to a record that changes its JSON fails
 * here, so it is a decision, never an accident. Regenerate with -Dgolden.update=true after such a decision.
 */
class GoldenEventsTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "events");

    static Stream<Arguments> samples() {
        return EventSamples.all().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesExactlyTheGoldenJson(String name, FactoryEvent sample) throws IOException {
        Path fixture = FIXTURES.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(FIXTURES);
            Files.writeString(fixture, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sample)
                    + "\n");
        }
        JsonNode golden = Json.mapper().readTree(fixture.toFile());

        assertThat(Json.mapper().readTree(Json.write(sample))).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsTheGoldenJsonBackIntoTheSameRecord(String name, FactoryEvent sample) throws IOException {
        byte[] golden = Files.readAllBytes(FIXTURES.resolve(name + ".json"));

        FactoryEvent read = Json.read(golden, EventType.of(sample).recordType());

        assertThat(Json.write(read)).isEqualTo(Json.write(sample));
        assertThat(read.spec()).isEqualTo(sample.spec());
    }
}
