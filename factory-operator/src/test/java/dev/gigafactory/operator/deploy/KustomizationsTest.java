package dev.gigafactory.operator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization uses only what kustomize v2.0.3 understands, the one inside kubectl 1.20 (Debian bookworm's
 * kubernetes-client, what CI installs), and means the same to kustomize 5: a newer kubectl builds more, so
 * KustomizeBuildTest alone would not notice on a developer's machine.
 */
class KustomizationsTest {

    /**
     * The fields of v2.0.3's Kustomization. Not {@code patches}: v2.0.3 reads it as the old name of
     * patchesStrategicMerge (file names), kustomize 5 as targeted patches.
     */
    static final Set<String> V2_0_3_FIELDS = Set.of("apiVersion", "kind", "namePrefix", "nameSuffix", "namespace",
            "commonLabels", "commonAnnotations", "resources", "bases", "patchesStrategicMerge", "patchesJson6902",
            "crds", "configMapGenerator", "secretGenerator", "generatorOptions", "vars", "images", "configurations");

    static Stream<Path> kustomizations() throws IOException {
        try (Stream<Path> overlays = Files.list(Kustomize.OVERLAYS)) {
            return Stream.concat(Stream.of(Manifests.KUBERNETES.resolve("base")), overlays.sorted().toList().stream())
                    .map(dir -> dir.resolve("kustomization.yaml"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void usesOnlyWhatKustomize203Knows(Path file) throws IOException {
        JsonNode kustomization = Yaml.read(Files.readString(file)).get(0);
        Path dir = file.getParent();
        List<String> problems = new ArrayList<>();
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!V2_0_3_FIELDS.contains(field)) {
                problems.add(field + ": not a field of kustomize v2.0.3");
            }
        });
        for (JsonNode resource : kustomization.path("resources")) {
            if (!Files.isRegularFile(dir.resolve(resource.asText()))) {
                problems.add("resources: " + resource + " is not a file (a directory goes in bases)");
            }
        }
        for (JsonNode patch : kustomization.path("patchesStrategicMerge")) {
            if (!patch.isTextual() || !Files.isRegularFile(dir.resolve(patch.asText()))) {
                problems.add("patchesStrategicMerge: " + patch + " is not a file");
            }
        }
        for (JsonNode patch : kustomization.path("patchesJson6902")) {
            if (!patch.path("path").isTextual() || patch.has("patch")
                    || !Files.isRegularFile(dir.resolve(patch.path("path").asText()))) {
                problems.add("patchesJson6902: " + patch + " is not a file (no inline patch)");
            }
            for (String field : List.of("version", "kind", "name")) {
                if (!patch.at("/target/" + field).isTextual()) {
                    problems.add("patchesJson6902: " + patch + " has no target " + field);
                }
            }
        }

        assertThat(problems).as(file.toString()).isEmpty();
    }
}
