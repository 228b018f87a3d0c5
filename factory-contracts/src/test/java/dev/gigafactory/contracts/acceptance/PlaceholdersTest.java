package dev.gigafactory.contracts.acceptance;

import static dev.gigafactory.contracts.acceptance.JsonMatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private final Placeholders placeholders = new Placeholders(Map.of(
            "id", TextNode.valueOf("7f3c"),
            "count", IntNode.valueOf(3),
            "odd", TextNode.valueOf("a b/c?d"),
            "owner", json("{'name':'Ann'}")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/todos, /todos",
            "/todos/{id}, /todos/7f3c",
            "/todos/{id}/notes/{count}, /todos/7f3c/notes/3",
            "/files/{odd}, /files/a%20b%2Fc%3Fd",
            "/todos?owner={owner}, /todos?owner=%7B%22name%22%3A%22Ann%22%7D",
            "/literal/{}/{ not one }, /literal/{}/{ not one }"})
    void substitutesSavedValuesIntoPaths(String path, String expected) {
        assertThat(placeholders.inPath(path)).isEqualTo(expected);
    }

    @Test
    void substitutesInEveryStringOfABodyKeepingTypesForWholePlaceholders() {
        JsonNode body = json("{'todo':'{id}','n':'{count}','note':'see {id} x{count}','tags':['{id}',1],"
                + "'nested':{'who':'{owner}'},'done':false}");

        JsonNode substituted = placeholders.inJson(body);

        assertThat(substituted).isEqualTo(json("{'todo':'7f3c','n':3,'note':'see 7f3c x3','tags':['7f3c',1],"
                + "'nested':{'who':{'name':'Ann'}},'done':false}"));
        assertThat(body.get("todo").asText()).as("the spec's own body is untouched").isEqualTo("{id}");
    }

    @Test
    void leavesAMissingBodyMissing() {
        assertThat(placeholders.inJson(null)).isNull();
    }

    @Test
    void refusesAPlaceholderNothingWasSavedAs() {
        assertThatThrownBy(() -> placeholders.inPath("/todos/{todoId}"))
                .isInstanceOf(AcceptanceException.class)
                .hasMessage("nothing was saved as {todoId} by an earlier step (saved: [count, id, odd, owner])");
        assertThatThrownBy(() -> placeholders.inJson(json("{'a':['{nope}']}")))
                .hasMessageStartingWith("nothing was saved as {nope}");
    }
}
