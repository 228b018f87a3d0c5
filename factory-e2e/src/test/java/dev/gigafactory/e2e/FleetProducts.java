package dev.gigafactory.e2e;

import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.FleetLayout;
import java.util.List;

/**
 * The product processes a fleet's deployer runs, found as someone on the machine would find them: by the jar in their
 * command line, which lives in the deployer's products dir ({@code <state>/work/deployer-service/products/<spec>/v<n>/}).
 */
public final class FleetProducts {

    private FleetProducts() {
    }

    /** Live processes running any version of the spec's product. */
    public static List<ProcessHandle> of(Fleet fleet, String spec) {
        return running(productsDir(fleet) + spec + "/");
    }

    /** Live processes running this version of the spec's product. */
    public static List<ProcessHandle> of(Fleet fleet, String spec, int version) {
        return running(productsDir(fleet) + spec + "/v" + version + "/");
    }

    /** The one process serving this version, once there is exactly one. */
    public static long pid(Fleet fleet, String spec, int version) {
        List<ProcessHandle> running = of(fleet, spec, version);
        if (running.size() != 1) {
            throw new AssertionError(running.size() + " processes run " + spec + " v" + version + "; expected one");
        }
        return running.get(0).pid();
    }

    private static String productsDir(Fleet fleet) {
        return FleetLayout.productsDir(fleet.stateDir()) + "/";
    }

    private static List<ProcessHandle> running(String marker) {
        // The product's JVM alone: the sandbox around it names the same directory.
        return ProcessHandle.allProcesses().filter(ProductProcess::isJava)
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false)).toList();
    }
}
