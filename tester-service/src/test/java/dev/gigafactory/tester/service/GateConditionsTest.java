package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What keeps the gate from running, each named for the readiness check and the waiting record. */
class GateConditionsTest {

    @TempDir
    Path root;

    @Test
    void canRunWithAWritableWorkDirAndRoomOnItsDisk() {
        GateConditions conditions = new GateConditions(unconfined(), root.resolve("work"), 1);

        assertThat(conditions.problems()).isEmpty();
        assertThat(conditions.freeDiskMib()).isPositive();
    }

    @Test
    void namesADiskBelowTheFloor() {
        GateConditions conditions = new GateConditions(unconfined(), root.resolve("work"), Long.MAX_VALUE / 2);

        assertThat(conditions.problems()).containsOnlyKeys("disk");
        assertThat(conditions.problems().get("disk"))
                .isEqualTo("less than " + Long.MAX_VALUE / 2 + " MiB free under " + root.resolve("work"));
    }

    @Test
    void namesAWorkDirThatCannotBeWritten() throws IOException {
        // a file where the work dir's parent should be: no directory can be made there, not even by root
        Files.writeString(root.resolve("blocked"), "not a directory");

        GateConditions conditions = new GateConditions(unconfined(), root.resolve("blocked/work"), 1);

        assertThat(conditions.problems()).containsOnlyKeys("workDir");
        assertThat(conditions.problems().get("workDir"))
                .startsWith("the work dir " + root.resolve("blocked/work") + " is not writable");
    }

    @Test
    void namesAMissingBubblewrap() {
        Sandbox sandbox = Sandbox.of(Sandbox.Mode.BWRAP, Sandbox.Limits.defaults(), root.resolve("sandbox"),
                root.resolve("no-such-bwrap").toString());

        GateConditions conditions = new GateConditions(sandbox, root.resolve("work"), 1);

        assertThat(conditions.problems()).containsOnlyKeys("sandbox");
        assertThat(conditions.problems().get("sandbox")).startsWith("bubblewrap (bwrap) is not installed");
    }

    private Sandbox unconfined() {
        return Sandbox.of(Sandbox.Mode.NONE, Sandbox.Limits.defaults(), root.resolve("sandbox"));
    }
}
