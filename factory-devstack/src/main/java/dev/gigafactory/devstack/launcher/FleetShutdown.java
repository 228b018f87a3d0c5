package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Stops a fleet by the pids its state dir records, so any JVM can do it ({@code ./factory down}). */
final class FleetShutdown {

    static final Duration SERVICE_GRACE = Duration.ofSeconds(15);
    static final Duration INFRA_GRACE = Duration.ofSeconds(30);

    private FleetShutdown() {
    }

    /**
     * Services first, so they can still commit offsets and close connections; then the broker and database; then
     * whatever they left running (products, builds), found by process group, ancestry and the state dir.
     */
    static void stop(Path stateDir, Consumer<String> progress) {
        // the supervisor first, or it would start again what we stop; it may have just started one: read pids after
        Long supervisor = PidFile.in(stateDir).pids().get(PidFile.SUPERVISOR);
        if (supervisor != null) {
            progress.accept("stopping the supervisor");
            Processes.stop(List.of(supervisor), SERVICE_GRACE);
        }
        PidFile pids = PidFile.in(stateDir);
        Map<String, Long> all = new LinkedHashMap<>(pids.pids());
        List<ProcessHandle> started = Processes.descendantsOf(all.values());
        all.remove(PidFile.SUPERVISOR);
        Long infra = all.remove(PidFile.INFRA);
        if (!all.isEmpty()) {
            progress.accept("stopping " + String.join(", ", all.keySet()));
            Processes.stop(all.values(), SERVICE_GRACE);
        }
        if (infra != null) {
            progress.accept("stopping infrastructure");
            Processes.stop(List.of(infra), INFRA_GRACE);
        }
        List<ProcessHandle> leftovers = new ArrayList<>(started);
        leftovers.addAll(Processes.runningUnder(stateDir));
        if (leftovers.stream().anyMatch(ProcessHandle::isAlive)) {
            progress.accept("stopping what the services left running");
        }
        Processes.stopLeftovers(pids.pids().values(), leftovers);
        pids.delete();
        try {
            Files.deleteIfExists(stateDir.resolve(FleetFile.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + FleetFile.NAME + " from " + stateDir, e);
        }
    }
}
