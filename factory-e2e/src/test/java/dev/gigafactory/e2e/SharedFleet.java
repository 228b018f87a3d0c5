package dev.gigafactory.e2e;

import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.ServiceDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fleet, with the shipped settings, for every e2e class that needs nothing else of it (a fresh one costs 20-25 s
 * on 2 cores): started by the first such class in a fork, stopped when JUnit closes its root context. Before each
 * class, any service an earlier scenario left stopped is started again, so every class begins with six ready services.
 * Classes on it name their specs apart; a class that changes the fleet's settings or needs its history to itself
 * starts its own.
 */
public final class SharedFleet implements BeforeAllCallback {

    private static final Set<String> STOPPED = ConcurrentHashMap.newKeySet();
    private static volatile Fleet fleet;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.getOrComputeIfAbsent(SharedFleet.class, key -> new Holder(start()), Holder.class);
        restoreAll();
    }

    private static Fleet start() {
        try {
            Path repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
            fleet = Fleet.start(repo, Files.createTempDirectory("gigafactory-shared-"));
            return fleet;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Fleet fleet() {
        if (fleet == null) {
            throw new IllegalStateException("register @ExtendWith(SharedFleet.class) on the test class");
        }
        return fleet;
    }

    public static void kill(String service) {
        STOPPED.add(service);
        fleet().killService(service);
    }

    public static void terminate(String service) {
        STOPPED.add(service);
        fleet().stopService(service);
    }

    public static void restart(String service) {
        fleet().startService(service);
        STOPPED.remove(service);
    }

    /** Starts whatever a failed scenario left down. */
    public static void restoreAll() {
        for (ServiceDef service : ServiceDef.ALL) {
            if (STOPPED.contains(service.name())) {
                restart(service.name());
            }
        }
    }

    /** Closes the fleet with the root context, after the last class of the fork. */
    private record Holder(Fleet fleet) implements AutoCloseable {
        @Override
        public void close() {
            fleet.close();
            SharedFleet.fleet = null;
        }
    }
}
