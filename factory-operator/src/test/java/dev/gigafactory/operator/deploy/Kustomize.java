package dev.gigafactory.operator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code kubectl kustomize} of an overlay (kubectl from the PATH: Debian's kubernetes-client package). */
final class Kustomize {

    static final Path OVERLAYS = Wiring.ROOT.resolve("deploy/kubernetes/overlays");

    private Kustomize() {
    }

    static List<JsonNode> build(String overlay) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Path errors = Files.createTempFile("kustomize-" + overlay, ".err");
        try {
            Process process = new ProcessBuilder(kubectl(), "kustomize", OVERLAYS.resolve(overlay).toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Yaml.read(Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static String kubectl() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        return Stream.of(path.split(":")).map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable)
                .findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("kubectl is not on the PATH: apt-get install kubernetes-client"));
    }
}
