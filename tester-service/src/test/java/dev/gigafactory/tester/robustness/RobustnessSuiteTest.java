package dev.gigafactory.tester.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.tester.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RobustnessSuiteTest {

    @Test
    void breaksEveryRuleOfTheTodoOneAtATimeStartingFromTheSpecsOwnExample() {
        Map<String, Probe> probes = byName(RobustnessSuite.of(Fixtures.todoSpec()));

        assertThat(probes).containsKeys("robustness: Todo: a valid body is accepted",
                "robustness: Todo.title missing (required)", "robustness: Todo.title: maxLength+1 (201 chars)",
                "robustness: Todo.title: wrong type (a number)", "robustness: Todo.priority: bad enum value",
                "robustness: Todo.estimate: below minimum", "robustness: Todo.estimate: above maximum",
                "robustness: Todo.estimate: not a whole number", "robustness: Todo.done: wrong type (a string)",
                "robustness: Todo: malformed JSON body", "robustness: Todo: a body over 1 MiB",
                "robustness: Todo: GET of an unknown id is 404", "robustness: Todo: PUT of an unknown id is 404",
                "robustness: Todo: DELETE of an unknown id is 404", "robustness: an unknown route is 404");
        assertThat(json(probes.get("robustness: Todo: a valid body is accepted")).toString())
                .isEqualTo("{\"title\":\"Buy milk\"}");
        Probe tooLong = probes.get("robustness: Todo.title: maxLength+1 (201 chars)");
        assertThat(json(tooLong).get("title").asText()).hasSize(201);
        assertThat(tooLong.statuses()).containsExactly(400);
        assertThat(tooLong.problemJson()).isTrue();
        assertThat(json(probes.get("robustness: Todo.estimate: below minimum")).get("estimate").asInt()).isEqualTo(-1);
        assertThat(probes.get("robustness: Todo: a body over 1 MiB").body().length).isGreaterThan(1024 * 1024);
        assertThat(probes.get("robustness: Todo: a body over 1 MiB").statuses()).containsExactlyInAnyOrder(400, 413);
        assertThat(probes.keySet()).noneMatch(name -> name.contains("not offered"));
    }

    @Test
    void expects405ForEveryOperationLeftOutAndMakesUpAValidBodyWhenTheSpecHasNoExample() {
        ServiceSpec spec = Fixtures.testSpec("thing.yaml");
        String text = new String(Json.write(spec), StandardCharsets.UTF_8).replace("\"name\":\"Thing0\"",
                "\"name\":\"Thing0\",\"operations\":[\"create\",\"list\"]");
        ServiceSpec restricted = Json.read(text, ServiceSpec.class);
        Map<String, Probe> probes = byName(RobustnessSuite.of(withoutAcceptance(restricted)));

        assertThat(probes.keySet().stream().filter(name -> name.contains("not offered")))
                .containsExactlyInAnyOrder("robustness: Thing0: get is not offered, 405",
                        "robustness: Thing0: update is not offered, 405",
                        "robustness: Thing0: delete is not offered, 405");
        assertThat(probes.get("robustness: Thing0: update is not offered, 405").method()).isEqualTo("PUT");
        assertThat(json(probes.get("robustness: Thing0: a valid body is accepted")).toString())
                .isEqualTo("{\"title\":\"a\"}");
        assertThat(json(probes.get("robustness: Thing0.code: pattern mismatch")).get("code").asText())
                .doesNotMatch("^[A-Z]{3}-[0-9]+$");
        assertThat(probes).containsKeys("robustness: Thing0.due: bad date",
                "robustness: Thing0.title: minLength-1 (0 chars)",
                "robustness: Thing0.size: bad enum value", "robustness: Thing0.price: below minimum");
        assertThat(probes.keySet()).noneMatch(name -> name.contains("GET of an unknown id"));
    }

    @Test
    void neverMoreThanTheCap() {
        assertThat(RobustnessSuite.MAX_PROBES).isEqualTo(200);
        List<Probe> probes = RobustnessSuite.of(Fixtures.todoSpec());
        assertThat(probes.size()).isLessThanOrEqualTo(RobustnessSuite.MAX_PROBES);
        assertThat(probes).extracting(Probe::statuses).allMatch(statuses -> !statuses.isEmpty());
        assertThat(probes).extracting(Probe::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith("robustness: "));
        assertThat(Set.copyOf(probes.stream().map(Probe::method).toList())).isSubsetOf("GET", "POST", "PUT", "DELETE");
    }

    private static ServiceSpec withoutAcceptance(ServiceSpec spec) {
        JsonNode tree = Json.mapper().valueToTree(spec);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("spec")).putArray("acceptance");
        return Json.mapper().convertValue(tree, ServiceSpec.class);
    }

    private static Map<String, Probe> byName(List<Probe> probes) {
        return probes.stream().collect(Collectors.toMap(Probe::name, Function.identity()));
    }

    private static JsonNode json(Probe probe) {
        return Json.read(probe.body(), JsonNode.class);
    }
}
