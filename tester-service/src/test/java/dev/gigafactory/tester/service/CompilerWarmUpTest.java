package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerWarmUpTest {

    @TempDir
    Path dir;

    @Test
    void theSampleProgramCompiles() {
        Path sources = CompilerWarmUp.writeSources(dir.resolve("src"));

        JavaBuild.Compilation compiled = new JavaBuild().compile(dir, sources, List.of(), dir.resolve("classes"),
                Duration.ofSeconds(60));

        assertThat(compiled.succeeded()).as(compiled.diagnostics()).isTrue();
        assertThat(dir.resolve("classes/warmup/Entity0.class")).exists();
        assertThat(dir.resolve("classes/warmup/Entity0$Item.class")).exists();
    }

    @Test
    void itWaitsWhileAGateRunsAndLeavesNothingBehind() throws InterruptedException {
        Path work = dir.resolve("warm-up");
        AtomicBoolean busy = new AtomicBoolean(true);

        Thread warmUp = CompilerWarmUp.start(work, 2, busy::get);
        warmUp.join(500);
        assertThat(warmUp.isAlive()).as("waiting for the gate to be idle").isTrue();
        assertThat(work.resolve("src/warmup/Entity0.java")).exists();
        assertThat(work.resolve("classes-0")).doesNotExist();

        busy.set(false);
        warmUp.join(60_000);
        assertThat(warmUp.isAlive()).isFalse();
        assertThat(Files.exists(work)).isFalse();
    }
}
