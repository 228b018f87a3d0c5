package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactoryCliTest {

    @TempDir
    Path stateDir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void benchRefusesToRunBesideAFleetThatIsUpAndLeavesItAlone() {
        // This JVM stands in for the running fleet: its pid is alive, which is all "up" means to the launcher.
        PidFile.in(stateDir).put("spec-intake-service", ProcessHandle.current().pid());
        new FleetFile("127.0.0.1:1", Map.of("spec-intake-service", "http://127.0.0.1:2")).writeTo(stateDir);

        int code = cli().run(new String[]{"bench", "5"});

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("a fleet is up in " + stateDir, "./factory down");
        assertThat(Files.exists(stateDir.resolve("bench"))).isFalse();
        assertThat(Fleet.running(stateDir)).isPresent();
    }

    @Test
    void anUnknownCommandPrintsTheUsage() {
        assertThat(cli().run(new String[]{"bnech"})).isEqualTo(2);
        assertThat(output()).contains("usage: ./factory", "bench [N]");
    }

    private FactoryCli cli() {
        return new FactoryCli(stateDir.getParent(), stateDir, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
