package dev.gigafactory.devstack.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a {@link Fleet} starts.
 *
 * @param repoRoot where the service modules (and their {@code target/quarkus-app}) are
 * @param stateDir logs, pids, fleet.json, artifacts, work dirs and the infrastructure's data
 * @param detached the fleet outlives this JVM and its terminal ({@code ./factory up}); otherwise the infrastructure
 *        JVM dies with this one, however it dies (tests: call {@link Fleet#stop()} or {@link Fleet#stopOnExit()} for
 *        the services)
 * @param services which services to start
 * @param jvmFlags for every service JVM
 * @param parallelism how many services may be starting at once
 * @param readyTimeout how long the whole fleet may take to become ready
 * @param env extra environment for every service (e.g. a test's settings)
 * @param progress where progress lines go
 * @param supervised a {@link FleetSupervisor} restarts whatever of the fleet dies (not by {@link Fleet#stop()})
 */
public record FleetOptions(Path repoRoot, Path stateDir, boolean detached, List<ServiceDef> services,
        List<String> jvmFlags, int parallelism, Duration readyTimeout, Map<String, String> env,
        Consumer<String> progress, boolean supervised) {

    /**
     * C1 only and the serial collector make start-up cheaper and cost little for this load. The heap starts small
     * and gives memory back after a collection: a service keeps 20-30 MB live, and without {@code -Xms} the JVM
     * commits (and soon touches) the whole maximum at start. A service out of memory exits (and is restarted, its
     * records redelivered) rather than go on half-broken: the record in hand would otherwise be dead-lettered as if
     * it were poison.
     */
    public static final List<String> SERVICE_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k",
            "-XX:TieredStopAtLevel=1", "-Xms32m", "-Xmx160m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError");

    public static FleetOptions defaults(Path repoRoot) {
        return new FleetOptions(repoRoot.toAbsolutePath(), repoRoot.toAbsolutePath().resolve(".factory"), false,
                ServiceDef.ALL, SERVICE_JVM_FLAGS, ServiceDef.ALL.size(), Duration.ofMinutes(4), Map.of(),
                System.out::println, false);
    }

    public FleetOptions withStateDir(Path dir) {
        return new FleetOptions(repoRoot, dir.toAbsolutePath(), detached, services, jvmFlags, parallelism,
                readyTimeout, env, progress, supervised);
    }

    public FleetOptions withDetached(boolean newDetached) {
        return new FleetOptions(repoRoot, stateDir, newDetached, services, jvmFlags, parallelism, readyTimeout, env,
                progress, supervised);
    }

    public FleetOptions withServices(List<ServiceDef> newServices) {
        return new FleetOptions(repoRoot, stateDir, detached, newServices, jvmFlags, parallelism, readyTimeout, env,
                progress, supervised);
    }

    public FleetOptions withJvmFlags(List<String> flags) {
        return new FleetOptions(repoRoot, stateDir, detached, services, flags, parallelism, readyTimeout, env, progress,
                supervised);
    }

    public FleetOptions withParallelism(int newParallelism) {
        return new FleetOptions(repoRoot, stateDir, detached, services, jvmFlags, Math.max(1, newParallelism),
                readyTimeout, env, progress, supervised);
    }

    public FleetOptions withReadyTimeout(Duration timeout) {
        return new FleetOptions(repoRoot, stateDir, detached, services, jvmFlags, parallelism, timeout, env, progress,
                supervised);
    }

    public FleetOptions withEnv(Map<String, String> newEnv) {
        return new FleetOptions(repoRoot, stateDir, detached, services, jvmFlags, parallelism, readyTimeout,
                Map.copyOf(newEnv), progress, supervised);
    }

    public FleetOptions withSupervised(boolean newSupervised) {
        return new FleetOptions(repoRoot, stateDir, detached, services, jvmFlags, parallelism, readyTimeout, env,
                progress, newSupervised);
    }

    public FleetOptions withProgress(Consumer<String> newProgress) {
        return new FleetOptions(repoRoot, stateDir, detached, services, jvmFlags, parallelism, readyTimeout, env,
                newProgress, supervised);
    }
}
