package dev.gigafactory.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two jails, as bubblewrap is asked for them: a gate run's and a deployed product's; and how soon a sandbox that
 * stops working is noticed.
 */
class SandboxTest {

    @TempDir
    Path dir;

    @Test
    void aGateRunEndsWithItsCallerAndHasOnlyFreshScratchSpace() {
        Path workspace = dir.resolve("workspace");
        List<String> command = sandbox(Sandbox.Limits.defaults())
                .wrap(Sandbox.Jail.of(workspace, workspace.resolve("data")), List.of("true"));

        assertThat(command).contains("--die-with-parent")
                .containsSubsequence("--tmpfs", workspace.resolve("data").toString())
                .doesNotContain("--bind");
        assertThat(script(command)).startsWith("ulimit -S -t 120 && ulimit -H -t 121 && ulimit -v 1048576");
    }

    @Test
    void aDeployedProductOutlivesItsCallerKeepsItsDataAndHasNoCpuCap() {
        Path version = dir.resolve("products/todo/v3");
        Path data = dir.resolve("products/todo/data");
        List<String> command = sandbox(Sandbox.Limits.defaults().withCpu(Duration.ZERO))
                .wrap(Sandbox.Jail.of(version).keeping(data).outlivingCaller(), List.of("true"));

        assertThat(command).doesNotContain("--die-with-parent")
                .containsSubsequence("--ro-bind", version.toString(), version.toString())
                .containsSubsequence("--bind", data.toString(), data.toString());
        assertThat(script(command)).doesNotContain("ulimit -S -t").startsWith("ulimit -v 1048576");
    }

    @Test
    void aBuildSeesMavenAndTheRepositoryReadOnlyWritesOnlyItsBuildDirAndRunsOffline() {
        SandboxedMaven maven = new SandboxedMaven(dir.resolve("maven"), dir.resolve("repository"));
        Path project = dir.resolve("tree");
        Path build = dir.resolve("build");

        List<String> command = sandbox(Sandbox.Limits.forBuild()).wrap(maven.jail(project, build),
                maven.command(project, build, List.of("verify")));

        assertThat(command).containsSubsequence("--ro-bind", dir.resolve("maven").toString(), SandboxedMaven.MAVEN_HOME)
                .containsSubsequence("--ro-bind", dir.resolve("repository").toString(), SandboxedMaven.REPOSITORY)
                .containsSubsequence("--ro-bind", project.toString(), project.toString())
                .containsSubsequence("--bind", build.toString(), build.toString())
                .containsSubsequence("-o", "-B", "-Dmaven.repo.local=/tmp/m2-local",
                        "-Dmaven.repo.local.tail=" + SandboxedMaven.REPOSITORY)
                .endsWith("verify");
        assertThat(script(command)).startsWith("ulimit -S -t 600 && ulimit -H -t 601 && ulimit -v 2097152");
        assertThat(SandboxedMaven.environment(Sandbox.Limits.forBuild()).get("JAVA_TOOL_OPTIONS"))
                .contains("-Xmx682m", "-XX:CompressedClassSpaceSize=128m", "-XX:ReservedCodeCacheSize=128m");
    }

    @Test
    void aJailReachingADatabaseStartsItsRelayBeforeTheCommand() {
        Sandbox sandbox = sandbox(Sandbox.Limits.defaults());
        assumeTrue(sandbox.unavailable().isEmpty(), "no sandbox here");
        Path relay = dir.resolve("relay");

        List<String> command = sandbox.wrap(Sandbox.Jail.of(dir.resolve("workspace")).reachingDatabase(relay, 5432),
                List.of("true"));

        assertThat(command).containsSubsequence("--bind", relay.toString(), "/run/gigafactory");
        assertThat(script(command)).contains("LoopbackRelay --database 5432 /run/gigafactory/database.sock")
                .endsWith("\"$@\"");
    }

    @Test
    void aJailSeesOfEtcOnlyTheJdksOwnConfigAndAFewHarmlessFiles() throws Exception {
        Sandbox sandbox = sandbox(Sandbox.Limits.defaults());
        assumeTrue(sandbox.unavailable().isEmpty(), "no sandbox here");
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path javaSecurity = Path.of(System.getProperty("java.home"), "conf/security/java.security").toRealPath();

        JailRun listed = JailRun.run(sandbox.wrap(Sandbox.Jail.of(workspace),
                List.of("/bin/sh", "-c", "find /etc ! -type d")), Map.of(), Duration.ofSeconds(30));

        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output().lines()).isNotEmpty().allSatisfy(path -> assertThat(path)
                .matches("/etc/(java-\\d+-openjdk/.+|ssl/certs/java/cacerts|localtime|hosts|nsswitch\\.conf)"));
        if (javaSecurity.startsWith("/etc")) {
            assertThat(listed.output().lines()).contains(javaSecurity.toString());
        }
    }

    @Test
    void whatRunsInAJailIsStoppedAtItsCpuLimitAndItsCpuTimeCountsAsItsCallers() throws Exception {
        Sandbox sandbox = sandbox(Sandbox.Limits.defaults().withCpu(Duration.ofSeconds(1)));
        assumeTrue(sandbox.unavailable().isEmpty(), "no sandbox here");
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        long before = childrenCpuMillis();

        Process spinning = new ProcessBuilder(sandbox.wrap(Sandbox.Jail.of(workspace),
                List.of("/bin/sh", "-c", "while :; do :; done"))).redirectErrorStream(true).start();

        assertThat(spinning.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(spinning.exitValue()).as("ended by the soft limit's SIGXCPU").isEqualTo(128 + 24);
        // The limit is checked against tick-sampled time, the children's time is the scheduler's exact runtime; on a
        // busy machine the two part by a tenth or more. A lost accounting path shows as none at all.
        assertThat(childrenCpuMillis() - before).as("its second of CPU reached our children's time")
                .isGreaterThanOrEqualTo(500);
    }

    // utime + stime of the children this JVM has waited for (cutime, cstime of /proc/self/stat), in ms
    private static long childrenCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
    }

    @Test
    void aSandboxThatBreaksIsNoticedSoonAndAtOnceWhenAskedAfresh() throws Exception {
        Path bwrap = dir.resolve("bwrap");
        writeScript(bwrap, "exec bwrap \"$@\"");
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), dir.resolve("state"),
                bwrap.toString());
        assertThat(sandbox.unavailable()).isEmpty();

        writeScript(bwrap, "echo 'bwrap: no user namespaces today' >&2; exit 1");

        assertThat(sandbox.unavailable(true)).hasValueSatisfying(
                reason -> assertThat(reason).contains("no user namespaces today"));
        writeScript(bwrap, "exec bwrap \"$@\"");
        assertThat(sandbox.unavailable(true)).isEmpty();
        writeScript(bwrap, "echo 'bwrap: no user namespaces today' >&2; exit 1");
        assertThat(awaitUnavailable(sandbox)).hasValueSatisfying(
                reason -> assertThat(reason).contains("no user namespaces today"));
    }

    private static Optional<String> awaitUnavailable(Sandbox sandbox) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sandbox.unavailable().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return sandbox.unavailable();
    }

    private static void writeScript(Path path, String body) throws IOException {
        Path next = path.resolveSibling(path.getFileName() + ".next");
        Files.writeString(next, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rwx------"));
        Files.move(next, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Sandbox sandbox(Sandbox.Limits limits) {
        return Sandbox.of(Sandbox.Mode.BWRAP, limits, dir.resolve("state"));
    }

    private static String script(List<String> command) {
        return command.get(command.indexOf("-c") + 1);
    }
}
