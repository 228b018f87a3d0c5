package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessesTest {

    private static final Map<String, String> HOST_ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/root",
            "FACTORY_SECRET", "s3cr3t", "AWS_SECRET_ACCESS_KEY", "AKIAFAKE", "KAFKA_BOOTSTRAP_SERVERS", "k:9092");

    @TempDir
    Path workspace;

    @Test
    void givesAChildOnlyPathLangAndItsOwnVariablesNeverTheTestersSecrets() throws Exception {
        ChildProcesses processes = new ChildProcesses(unconfined(), HOST_ENV);

        Process env = processes.builder(List.of("env"), workspace, Map.of("DATA_DIR", "/data")).start();
        String output = new String(env.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        env.waitFor(10, TimeUnit.SECONDS);

        assertThat(output.lines().map(line -> line.substring(0, line.indexOf('='))))
                .containsExactlyInAnyOrder("PATH", "LANG", "MALLOC_ARENA_MAX", "DATA_DIR");
        assertThat(output).contains("DATA_DIR=/data").doesNotContain("s3cr3t", "AKIAFAKE", "k:9092");
    }

    @Test
    void runsJavaInsideTheSandboxWithItsLimits() {
        ChildProcesses processes = new ChildProcesses(
                Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), workspace.resolve("state")), HOST_ENV);

        List<String> command = processes.java(Sandbox.Jail.of(workspace), "64m", List.of("-version"));

        assertThat(command).startsWith("bwrap", "--unshare-all").contains("--die-with-parent").endsWith("-version");
        assertThat(command).containsSubsequence("--ro-bind", workspace.toString(), workspace.toString());
        assertThat(command).doesNotContain("/root", "/etc", "/work");
        String script = command.get(command.indexOf("-c") + 1);
        assertThat(script).contains("ulimit -S -t 120", "ulimit -v 1048576", "ulimit -f 16384").endsWith("\"$@\"");
        assertThat(command).anyMatch(arg -> arg.endsWith("/bin/java")).contains("-Xmx64m");
    }

    @Test
    void killsWhatIsStillRunningOnShutdown() throws IOException, InterruptedException {
        ChildProcesses processes = new ChildProcesses(unconfined(), HOST_ENV);
        Process sleeper = processes.builder(List.of("sleep", "60"), workspace, Map.of()).start();
        processes.started(sleeper.pid());

        processes.killAll();

        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private Sandbox unconfined() {
        return Sandbox.of(Sandbox.Mode.NONE, Sandbox.Limits.defaults(), workspace.resolve("state"));
    }
}
