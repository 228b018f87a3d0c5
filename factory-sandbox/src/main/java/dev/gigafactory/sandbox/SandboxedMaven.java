package dev.gigafactory.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An offline Maven build in a jail: the Maven distribution and the factory's local repository are mounted read-only at
 * fixed paths, the project (the jail's read-only workspace) is copied into a build directory the caller keeps (the
 * built jar is there afterwards, at the same path outside), and the local repository Maven writes to is a throw-away
 * one in the jail's {@code /tmp}, with the factory's as its read-only tail. Offline ({@code -o}), so an artifact the
 * repository lacks fails the build at once with Maven's own message naming it, instead of waiting on a network that
 * is not there. Run the command with {@link Sandbox#wrap} under {@link Sandbox.Limits#forBuild()} and with
 * {@link #environment} added to the caller's environment.
 */
public record SandboxedMaven(Path distribution, Path repository) {

    public static final String MAVEN_HOME = "/opt/maven";
    public static final String REPOSITORY = "/opt/m2-repository";
    private static final String LOCAL_REPOSITORY = "/tmp/m2-local";
    private static final String USER_HOME = "/tmp/home";

    /**
     * The factory's own: the distribution the Maven wrapper downloaded (under {@code ~/.m2/wrapper/dists}) and
     * {@code ~/.m2/repository}; empty when either is missing.
     */
    public static Optional<SandboxedMaven> ofUserHome(Path userHome) {
        Path m2 = userHome.resolve(".m2");
        Path repository = m2.resolve("repository");
        Path dists = m2.resolve("wrapper/dists");
        if (!Files.isDirectory(repository) || !Files.isDirectory(dists)) {
            return Optional.empty();
        }
        // dists/apache-maven-<version>/<hash>/bin/mvn; the newest version if there are several
        try (Stream<Path> found = Files.find(dists, 4, (path, attributes) -> path.endsWith("bin/mvn"))) {
            return found.map(mvn -> mvn.getParent().getParent()).sorted().reduce((first, last) -> last)
                    .map(distribution -> new SandboxedMaven(distribution, repository));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for a Maven distribution under " + dists, e);
        }
    }

    /**
     * The jail for building {@code project} (read-only) into {@code buildDir} (kept): Maven and the repository
     * mounted. Add {@link Sandbox.Jail#reachingDatabase} for a build whose tests need a database.
     */
    public Sandbox.Jail jail(Path project, Path buildDir) {
        return Sandbox.Jail.of(project).keeping(buildDir).mounting(distribution, MAVEN_HOME)
                .mounting(repository, REPOSITORY);
    }

    /** The command to {@link Sandbox#wrap}: copy the project into {@code buildDir}, then Maven offline there. */
    public List<String> command(Path project, Path buildDir, List<String> goals) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "cp -R \"$0\"/. \"$1\" && cd \"$1\" && shift && exec " + MAVEN_HOME + "/bin/mvn \"$@\"",
                project.toAbsolutePath().normalize().toString(), buildDir.toAbsolutePath().normalize().toString(),
                "-o", "-B", "-Dmaven.repo.local=" + LOCAL_REPOSITORY, "-Dmaven.repo.local.tail=" + REPOSITORY,
                "-Duser.home=" + USER_HOME));
        command.addAll(goals);
        return command;
    }

    /**
     * The variables Maven and every JVM it forks need inside a jail of these limits: the JDK (the one on PATH is a
     * link through {@code /etc}, which is not there), Maven's JVM options and, through {@code JAVA_TOOL_OPTIONS}, the
     * forked JVMs' (surefire's, which runs the product's tests), each sized to fit the address-space limit.
     */
    public static Map<String, String> environment(Sandbox.Limits limits) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", Path.of(Sandbox.javaCommand()).getParent().getParent().toString());
        environment.put("MAVEN_OPTS", String.join(" ", JvmBudget.within(limits.memoryBytes()).options()));
        environment.put("JAVA_TOOL_OPTIONS", String.join(" ", JvmBudget.within(limits.memoryBytes()).options()));
        // glibc reserves 64 MiB of address space per malloc arena, up to 8 per core: that alone breaks the limit
        environment.put("MALLOC_ARENA_MAX", "2");
        environment.put("HOME", USER_HOME);
        return environment;
    }
}
