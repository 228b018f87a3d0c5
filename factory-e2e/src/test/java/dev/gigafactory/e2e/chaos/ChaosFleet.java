package dev.gigafactory.e2e.chaos;

import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fleet for the whole chaos suite (a fresh one costs ~11 s on 2 cores): started by the first chaos class, stopped
 * when JUnit closes its root context. Before each class, any service an earlier scenario left stopped is started
 * again, so every scenario begins with six ready services.
 */
public final class ChaosFleet implements BeforeAllCallback {

    private static final Set<String> STOPPED = ConcurrentHashMap.newKeySet();
    private static volatile Fleet fleet;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.getOrComputeIfAbsent(ChaosFleet.class, key -> new Holder(start()), Holder.class);
        restoreAll();
    }

    private static Fleet start() {
        try {
            Path repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
            fleet = Fleet.start(repo, Files.createTempDirectory("gigafactory-chaos-"));
            return fleet;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Fleet fleet() {
        if (fleet == null) {
            throw new IllegalStateException("register @ExtendWith(ChaosFleet.class) on the test class");
        }
        return fleet;
    }

    static void kill(String service) {
        STOPPED.add(service);
        fleet().killService(service);
    }

    static void terminate(String service) {
        STOPPED.add(service);
        fleet().stopService(service);
    }

    static void restart(String service) {
        fleet().startService(service);
        STOPPED.remove(service);
    }

    /** Starts whatever a failed scenario left down. */
    static void restoreAll() {
        for (ServiceDef service : ServiceDef.ALL) {
            if (STOPPED.contains(service.name())) {
                restart(service.name());
            }
        }
    }

    /** Closes the fleet with the root context, after the last chaos class. */
    private record Holder(Fleet fleet) implements AutoCloseable {
        @Override
        public void close() {
            fleet.close();
            ChaosFleet.fleet = null;
        }
    }
}
