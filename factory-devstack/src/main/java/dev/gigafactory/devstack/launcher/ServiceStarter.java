package dev.gigafactory.devstack.launcher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Starts services and waits until each answers {@code /q/health/ready}, at most {@code parallelism} starting at
 * once. One thread polls every starting service: the work is waiting, not computing.
 */
final class ServiceStarter {

    private static final long POLL_MILLIS = 100;

    private final FleetOptions options;
    private final Progress progress;
    private final BiConsumer<ServiceDef, ServiceProcess> onLaunch;

    ServiceStarter(FleetOptions options, Progress progress, BiConsumer<ServiceDef, ServiceProcess> onLaunch) {
        this.options = options;
        this.progress = progress;
        this.onLaunch = onLaunch;
    }

    /** The started services by name, in the order given; throws (leaving them to the caller to stop) on failure. */
    Map<String, ServiceProcess> startAll(List<ServiceDef> services, Function<ServiceDef, Map<String, String>> env) {
        Deque<ServiceDef> waiting = new ArrayDeque<>(services);
        List<ServiceProcess> starting = new ArrayList<>();
        Map<String, ServiceProcess> ready = new LinkedHashMap<>();
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        while (ready.size() < services.size()) {
            while (!waiting.isEmpty() && starting.size() < options.parallelism()) {
                starting.add(launch(waiting.poll(), env));
            }
            for (ServiceProcess process : List.copyOf(starting)) {
                ServiceProcess.State before = process.state();
                ServiceProcess.State now = process.poll();
                if (before == ServiceProcess.State.BOOTING && now != ServiceProcess.State.BOOTING) {
                    progress.say(process.service().name() + " listening on " + process.url());
                }
                if (now == ServiceProcess.State.READY) {
                    starting.remove(process);
                    ready.put(process.service().name(), process);
                    progress.say(process.service().name() + " ready (" + seconds(process) + ")");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + options.readyTimeout() + ": "
                        + starting.stream().map(p -> p.service().name() + " (" + p.state() + ", log " + p.log() + ")")
                                .toList());
            }
            sleep();
        }
        Map<String, ServiceProcess> inOrder = new LinkedHashMap<>();
        services.forEach(service -> inOrder.put(service.name(), ready.get(service.name())));
        return inOrder;
    }

    private ServiceProcess launch(ServiceDef service, Function<ServiceDef, Map<String, String>> env) {
        LaunchSpec spec = new LaunchSpec(
                ServiceProcess.command(FleetLayout.requireJar(options.repoRoot(), service), options.jvmFlags()),
                env.apply(service), FleetLayout.workDir(options.stateDir(), service),
                FleetLayout.log(options.stateDir(), service.name()));
        ServiceProcess process = ServiceProcess.launch(service, spec);
        // recorded for the supervisor, which starts it again the same way if it dies
        spec.writeTo(options.stateDir(), service.name());
        onLaunch.accept(service, process);
        progress.say("started " + service.name() + " (pid " + process.pid() + ")");
        return process;
    }

    private static String seconds(ServiceProcess process) {
        return String.format(java.util.Locale.ROOT, "%.1fs", process.age().toMillis() / 1000.0);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the fleet was starting", e);
        }
    }
}
