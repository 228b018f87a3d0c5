package dev.gigafactory.contracts.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonMatchTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("equal objects match", "{'title':'Buy milk'}", "{'title':'Buy milk'}"),
                row("keys left out are ignored", "{'title':'Buy milk'}", "{'id':'1','title':'Buy milk','done':false}"),
                row("a different boolean", "{'done':false}", "{'done':true}",
                        "body.done: expected false but was true"),
                row("a different string is quoted", "{'title':'Buy milk'}", "{'title':'Buy bread'}",
                        "body.title: expected \"Buy milk\" but was \"Buy bread\""),
                row("a missing key", "{'title':'Buy milk'}", "{}", "body.title: expected \"Buy milk\" but was missing"),
                row("numbers compare by value", "{'price':9.5}", "{'price':9.50}"),
                row("an integer equals the same decimal", "{'count':10}", "{'count':10.0}"),
                row("a different number", "{'count':10}", "{'count':11}", "body.count: expected 10 but was 11"),
                row("a number is not its string", "{'price':9.5}", "{'price':'9.5'}",
                        "body.price: expected 9.5 but was \"9.5\""),
                row("nested objects match partially", "{'owner':{'name':'Ann'}}", "{'owner':{'name':'Ann','age':3}}"),
                row("a nested difference names its path", "{'owner':{'name':'Ann'}}", "{'owner':{'name':'Bob'}}",
                        "body.owner.name: expected \"Ann\" but was \"Bob\""),
                row("equal arrays match", "{'tags':['a','b']}", "{'tags':['a','b']}"),
                row("an array of another length", "{'tags':['a','b']}", "{'tags':['a','b','c']}",
                        "body.tags: expected 2 elements but was 3"),
                row("an array element differs", "{'tags':['a','b']}", "{'tags':['a','c']}",
                        "body.tags[1]: expected \"b\" but was \"c\""),
                row("array elements match partially", "[{'title':'x'}]", "[{'id':'1','title':'x'}]"),
                row("an element's key differs", "[{'title':'x'},{'title':'y'}]", "[{'title':'x'},{'title':'z'}]",
                        "body[1].title: expected \"y\" but was \"z\""),
                row("an object where an array came", "{'owner':{'name':'Ann'}}", "{'owner':[1]}",
                        "body.owner: expected an object but was [1]"),
                row("an array where an object came", "{'tags':[]}", "{'tags':{}}",
                        "body.tags: expected an array but was {}"),
                row("expected null is met by an absent key", "{'due':null}", "{}"),
                row("expected null is met by null", "{'due':null}", "{'due':null}"),
                row("expected null but a value came", "{'due':null}", "{'due':'2024-01-01'}",
                        "body.due: expected null but was \"2024-01-01\""),
                row("every difference is listed", "{'title':'Buy milk','done':false}",
                        "{'title':'Buy bread','done':true}",
                        "body.title: expected \"Buy milk\" but was \"Buy bread\"",
                        "body.done: expected false but was true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPartially(String name, String expected, String actual, List<String> differences) {
        assertThat(JsonMatch.differences("body", json(expected), json(actual))).isEqualTo(differences);
    }

    @Test
    void stopsListingAfterTenDifferences() {
        JsonNode expected = json("[1,2,3,4,5,6,7,8,9,10,11,12]");
        JsonNode actual = json("[0,0,0,0,0,0,0,0,0,0,0,0]");

        assertThat(JsonMatch.differences("body", expected, actual)).hasSize(10)
                .startsWith("body[0]: expected 1 but was 0");
    }

    @Test
    void shortensLongValuesInMessages() {
        String longText = "x".repeat(1000);

        List<String> differences = JsonMatch.differences("body", json("{'a':'y'}"), json("{'a':'" + longText + "'}"));

        assertThat(differences).singleElement().asString().hasSizeLessThan(300).endsWith("…");
    }

    private static Arguments row(String name, String expected, String actual, String... differences) {
        return Arguments.of(name, expected, actual, List.of(differences));
    }

    static JsonNode json(String singleQuoted) {
        try {
            return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
