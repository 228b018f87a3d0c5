package dev.gigafactory.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two jails, as bubblewrap is asked for them: a gate run's and a deployed product's. */
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

    private Sandbox sandbox(Sandbox.Limits limits) {
        return Sandbox.of(Sandbox.Mode.BWRAP, limits, dir.resolve("state"));
    }

    private static String script(List<String> command) {
        return command.get(command.indexOf("-c") + 1);
    }
}
