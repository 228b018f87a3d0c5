package dev.gigafactory.sandbox.testing;

import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.sandbox.SandboxedMaven;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A quarkus product's tree built into its runner jar as the gate builds it: offline, in the build sandbox, against the
 * factory's Maven repository only ({@link SandboxedMaven}). Its own tests are skipped: they need a database relay into
 * the jail, and the callers test the built product from outside. Shared with the modules whose tests run a quarkus
 * product (factory-sandbox's test-jar).
 */
public final class QuarkusProductBuild {

    private static final long TIMEOUT_MINUTES = 10;

    private final Sandbox sandbox;
    private final SandboxedMaven maven;

    private QuarkusProductBuild(Sandbox sandbox, SandboxedMaven maven) {
        this.sandbox = sandbox;
        this.maven = maven;
    }

    /** The build, or why it cannot run on this machine (no bubblewrap, no Maven repository under ~/.m2). */
    public static Optional<QuarkusProductBuild> here(Path stateDir, StringBuilder why) {
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.forBuild(), stateDir);
        if (sandbox.unavailable().isPresent()) {
            why.append("no sandbox here: ").append(sandbox.unavailable().get());
            return Optional.empty();
        }
        Optional<SandboxedMaven> maven = SandboxedMaven.ofUserHome(Path.of(System.getProperty("user.home")));
        if (maven.isEmpty()) {
            why.append("no Maven wrapper distribution and repository under ~/.m2");
            return Optional.empty();
        }
        return Optional.of(new QuarkusProductBuild(sandbox, maven.get()));
    }

    /** Writes the tree under {@code work}, builds it, and answers the runner jar; fails with Maven's output. */
    public Path jar(SourceTree tree, Path work) {
        try {
            Path project = write(tree, work.resolve("project"));
            Path build = Files.createDirectories(work.resolve("build"));
            List<String> command = sandbox.wrap(maven.jail(project, build), maven.command(project, build,
                    List.of("package", "-DskipTests")));
            Path log = work.resolve("build.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = new HashMap<>(SandboxedMaven.environment(sandbox.limits()));
            environment.put("PATH", "/usr/bin:/bin");
            environment.put("LANG", "C.UTF-8");
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            Path jar = build.resolve("target/product-runner.jar");
            if (!finished || process.exitValue() != 0 || !Files.isRegularFile(jar)) {
                throw new AssertionError("the product's offline build failed:\n" + tail(Files.readString(log,
                        StandardCharsets.UTF_8)));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building the product", e);
        }
    }

    private static Path write(SourceTree tree, Path project) throws IOException {
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return project;
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "…" + output.substring(output.length() - 6000);
    }
}
