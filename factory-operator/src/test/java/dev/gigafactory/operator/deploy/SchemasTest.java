package dev.gigafactory.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The validation the overlays pass does refuse what an API server would refuse, or silently drop. */
class SchemasTest {

    private final Schemas schemas = new Schemas();

    @Test
    void aMisspeltFieldOfAnOperatorsKindIsReported() {
        JsonNode topic = Yaml.read("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: t, partitions: "six", replica: 3}
                """).get(0);

        assertThat(String.join("\n", schemas.problems(topic))).contains("/spec/partitions", "/spec/replica");
    }

    @Test
    void anUnknownFieldOfACoreKindIsReported() {
        JsonNode deployment = Yaml.read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec: {containers: [{name: c, image: i, readinesProbe: {}}]}
                """).get(0);

        assertThat(String.join("\n", schemas.problems(deployment))).contains("readinesProbe");
    }

    @Test
    void aKindNobodyDefinesIsReported() {
        JsonNode unknown = Yaml.read("apiVersion: example.org/v1\nkind: Gadget\nmetadata: {name: g}\n").get(0);

        assertThat(schemas.problems(unknown)).isNotEmpty();
    }
}
