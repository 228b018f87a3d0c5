package dev.gigafactory.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path stateDir;

    @Test
    void aFreshReaderSeesEveryPidWritten() {
        PidFile pids = PidFile.in(stateDir);
        pids.put(PidFile.INFRA, 101);
        pids.put("planner-service", 102);

        assertThat(PidFile.in(stateDir).pids()).isEqualTo(Map.of("infra", 101L, "planner-service", 102L));
    }

    @Test
    void removedAndDeletedPidsAreGoneForTheNextReader() {
        PidFile pids = PidFile.in(stateDir);
        pids.put("planner-service", 102);
        pids.put("coder-service", 103);

        pids.remove("planner-service");
        assertThat(PidFile.in(stateDir).pids()).containsOnlyKeys("coder-service");

        pids.delete();
        assertThat(Files.exists(stateDir.resolve(PidFile.NAME))).isFalse();
        assertThat(PidFile.in(stateDir).pids()).isEmpty();
    }

    @Test
    void aDamagedFileNamesNothingToKill() throws Exception {
        Files.writeString(stateDir.resolve(PidFile.NAME), "{\"infra\": 1");

        assertThat(PidFile.in(stateDir).pids()).isEmpty();
    }
}
