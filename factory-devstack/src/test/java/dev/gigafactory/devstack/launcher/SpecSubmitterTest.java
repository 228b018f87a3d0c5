package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.testsupport.ExampleSpecs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecSubmitterTest {

    @Test
    void keysAYamlSpecByItsName() throws Exception {
        byte[] todo = ExampleSpecs.bytes("todo.yaml");

        assertThat(SpecSubmitter.nameOf(todo)).hasValue("todo");
    }

    @Test
    void keysAJsonSpecByItsName() {
        assertThat(SpecSubmitter.nameOf(bytes("{\"metadata\": {\"name\": \"library\"}}"))).hasValue("library");
    }

    @Test
    void aDocumentWithoutAReadableNameHasNoKey() {
        assertThat(SpecSubmitter.nameOf(bytes("metadata: [unclosed"))).isEmpty();
        assertThat(SpecSubmitter.nameOf(bytes("metadata: {name: 42}"))).isEmpty();
        assertThat(SpecSubmitter.nameOf(bytes(""))).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
