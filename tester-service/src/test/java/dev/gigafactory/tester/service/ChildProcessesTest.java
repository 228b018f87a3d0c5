package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessesTest {

    @TempDir
    Path workspace;

    @Test
    void givesAChildOnlyPathLangAndItsDataDir() throws IOException, InterruptedException {
        ChildProcesses processes = new ChildProcesses(List.of());

        Process env = processes.builder(List.of("env"), workspace, workspace.resolve("data")).start();
        String output = new String(env.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        env.waitFor(10, TimeUnit.SECONDS);

        assertThat(output.lines().map(line -> line.substring(0, line.indexOf('='))))
                .containsExactlyInAnyOrder("PATH", "LANG", "DATA_DIR");
        assertThat(output).contains("DATA_DIR=" + workspace.resolve("data").toAbsolutePath());
    }

    @Test
    void putsTheWrapperInFrontOfJava() {
        ChildProcesses processes = new ChildProcesses(List.of("bwrap", "--die-with-parent"));

        List<String> command = processes.java(List.of("-version"));

        assertThat(command).startsWith("bwrap", "--die-with-parent").endsWith("-version");
        assertThat(command.get(2)).endsWith("/bin/java");
    }

    @Test
    void killsWhatIsStillRunningOnShutdown() throws IOException, InterruptedException {
        ChildProcesses processes = new ChildProcesses(List.of());
        Process sleeper = processes.builder(List.of("sleep", "60"), workspace, workspace).start();
        processes.started(sleeper.pid());

        processes.killAll();

        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
}
