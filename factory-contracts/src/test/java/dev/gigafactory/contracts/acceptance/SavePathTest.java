package dev.gigafactory.contracts.acceptance;

import static dev.gigafactory.contracts.acceptance.JsonMatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SavePathTest {

    private static final JsonNode DOCUMENT = json("{'id':'t1','owner':{'name':'Ann','tags':['a','b']},"
            + "'items':[{'id':'i0'},{'id':'i1','sizes':[[1,2],[3,4]]}],'first-name':'Bo','n':4}");
    private static final JsonNode ARRAY = json("[{'id':'x'},{'id':'y'}]");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "$.id               | \"t1\"",
            "$.n                | 4",
            "$.owner.name       | \"Ann\"",
            "$.owner.tags[1]    | \"b\"",
            "$.items[1].id      | \"i1\"",
            "$.items[1].sizes[1][0] | 3",
            "$.first-name       | \"Bo\"",
            "$.owner            | {\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]}"})
    void readsValuesOutOfAnObject(String path, String expected) {
        assertThat(SavePath.parse(path).read(DOCUMENT)).hasValueSatisfying(
                value -> assertThat(value.toString()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "$[0].id | \"x\"",
            "$[1]    | {\"id\":\"y\"}",
            "$       | [{\"id\":\"x\"},{\"id\":\"y\"}]"})
    void readsValuesOutOfAnArray(String path, String expected) {
        assertThat(SavePath.parse(path).read(ARRAY)).hasValueSatisfying(
                value -> assertThat(value.toString()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$.missing", "$.owner.missing", "$.items[5].id", "$.id.deeper", "$[0]",
            "$.owner.tags.x"})
    void findsNothingWhereTheDocumentHasNothing(String path) {
        assertThat(SavePath.parse(path).read(DOCUMENT)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullSource
    @ValueSource(strings = {"", "id", "$.", "$..id", "$[x]", "$[0", "$.a[", "$ .a", "x$.id", "$.a.", "$[-1]"})
    void refusesWhatItCannotRead(String path) {
        assertThatThrownBy(() -> SavePath.parse(path))
                .isInstanceOf(AcceptanceException.class)
                .hasMessageEndingWith("is not a supported save path (use $.a.b or $[0].a)");
    }
}
