package dev.gigafactory.coder.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.coder.support.ProductBuild;
import dev.gigafactory.coder.support.RunningProduct;
import dev.gigafactory.coder.support.Specs;
import dev.gigafactory.contracts.spec.ServiceSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newer version deployed on the same data: added fields take their defaults, removed ones are dropped. */
class ProductUpgradeIT {

    private static final ServiceSpec VERSION_1 = Specs.parse("""
            apiVersion: gigafactory.dev/v1alpha1
            kind: ServiceSpec
            metadata: { name: notes }
            spec:
              entities:
                - name: Note
                  fields:
                    - { name: text, type: string, required: true }
                    - { name: colour, type: string }
                - name: Draft
                  fields:
                    - { name: text, type: string }
            """);

    private static final ServiceSpec VERSION_2 = Specs.parse("""
            apiVersion: gigafactory.dev/v1alpha1
            kind: ServiceSpec
            metadata: { name: notes }
            spec:
              entities:
                - name: Note
                  fields:
                    - { name: text, type: string, required: true }
                    - { name: pinned, type: boolean, default: false }
                    - { name: priority, type: enum, values: [low, normal, high], default: normal }
                    - { name: due, type: date }
            """);

    @TempDir
    Path work;

    @Test
    void keepsDataWhenANewerVersionIsDeployedOnTheSameDataDir() {
        Path data = work.resolve("data");
        ProductBuild first = ProductBuild.of(VERSION_1, 1, work.resolve("v1"));
        ProductBuild second = ProductBuild.of(VERSION_2, 2, work.resolve("v2"));
        String id;
        try (RunningProduct v1 = start(first, data)) {
            id = v1.client().post("/notes", "{\"text\":\"remember\",\"colour\":\"red\"}").json().get("id").asText();
            v1.client().post("/drafts", "{\"text\":\"unfinished\"}");
        }

        try (RunningProduct v2 = start(second, data)) {
            JsonNode note = v2.client().get("/notes/" + id).json();

            assertThat(note.get("text").asText()).isEqualTo("remember");
            assertThat(note.get("pinned").asBoolean()).isFalse();
            assertThat(note.get("priority").asText()).isEqualTo("normal");
            assertThat(note.has("due")).isTrue();
            assertThat(note.get("due").isNull()).isTrue();
            assertThat(note.has("colour")).isFalse();
            assertThat(v2.client().get("/drafts").status()).isEqualTo(404);
            assertThat(v2.log()).contains("journal: replayed 1 change(s), skipped 1");
            v2.client().put("/notes/" + id, "{\"text\":\"remember\",\"pinned\":true}");
        }

        try (RunningProduct again = start(second, data)) {
            assertThat(again.client().get("/notes/" + id).json().get("pinned").asBoolean()).isTrue();
        }
    }

    private RunningProduct start(ProductBuild build, Path data) {
        return RunningProduct.start(build.jar(), data, work.resolve("product.log"));
    }
}
