package dev.gigafactory.deployer.testing;

import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.sandbox.SandboxedMaven;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.quarkus.QuarkusProduct;
import dev.gigafactory.testsupport.ExampleSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The todo example as a quarkus product, written by today's quarkus stack and built offline in the build sandbox as the
 * gate builds it (its own tests skipped: the gate runs them, here only the jar matters). Built once into {@code dir}
 * and reused while it is there, so a second run of the tests does not pay for the build again.
 */
public final class QuarkusTodo {

    private QuarkusTodo() {
    }

    /** The uber-jar, or empty when this machine has no build sandbox or no Maven to build it with. */
    public static Optional<Path> jar(Path dir) throws IOException, InterruptedException {
        Path build = dir.resolve("build");
        Path jar = build.resolve("target/product-runner.jar");
        if (Files.isRegularFile(jar)) {
            return Optional.of(jar);
        }
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.forBuild(), dir.resolve("sandbox"));
        Optional<SandboxedMaven> maven = SandboxedMaven.ofUserHome(Path.of(System.getProperty("user.home")));
        if (sandbox.unavailable().isPresent() || maven.isEmpty()) {
            return Optional.empty();
        }
        Path project = dir.resolve("src");
        QuarkusProduct.Tree tree = QuarkusProduct.write(ProductModels.from(ExampleSpecs.example("todo.yaml"), 1),
                List.of());
        for (Map.Entry<String, String> file : tree.files().entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Files.createDirectories(build);
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(maven.get().jail(project, build),
                maven.get().command(project, build, List.of("package", "-DskipTests")))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"));
        builder.environment().putAll(SandboxedMaven.environment(sandbox.limits()));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(jar)) {
            process.destroyForcibly();
            throw new IllegalStateException("the quarkus todo product did not build:\n"
                    + Files.readString(dir.resolve("build.log"), StandardCharsets.UTF_8));
        }
        return Optional.of(jar);
    }
}
