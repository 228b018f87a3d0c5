package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.infra.InfraProcess;
import dev.gigafactory.devstack.infra.InfraProcess.Component;
import dev.gigafactory.devstack.infra.JavaCommand;
import dev.gigafactory.devstack.infra.Processes;
import dev.gigafactory.devstack.postgres.PostgresEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole factory on this machine: the infrastructure JVM and the six services as separate JVMs, all on 127.0.0.1,
 * with {@code fleet.json} and {@code pids.json} in the state dir. Used by {@code ./factory} and the end-to-end test.
 */
public final class Fleet implements AutoCloseable {

    private final FleetOptions options;
    private final Infrastructure infrastructure;
    private final PidFile pids;
    private final Map<String, URI> urls = new LinkedHashMap<>();
    private final Map<String, Long> servicePids = new LinkedHashMap<>();
    /** Kept reachable: a supervisor tied to this JVM watches the stdin pipe this object holds. */
    private Process supervisor;

    private Fleet(FleetOptions options, Infrastructure infrastructure, PidFile pids) {
        this.options = options;
        this.infrastructure = infrastructure;
        this.pids = pids;
    }

    /** Starts the infrastructure and every service, waits until all are ready, writes fleet.json. */
    public static Fleet start(FleetOptions options) {
        Progress progress = new Progress(options.progress());
        options.services().forEach(service -> FleetLayout.requireJar(options.repoRoot(), service));
        if (!PidFile.in(options.stateDir()).pids().isEmpty()) {
            progress.say("stopping what a previous run left behind");
            stop(options.stateDir(), options.progress());
        }
        PidFile pids = PidFile.in(options.stateDir());
        boolean needsDatabase = options.services().stream().anyMatch(s -> s.database().isPresent());
        Infrastructure infrastructure = Infrastructure.start(options, needsDatabase, System.getenv());
        infrastructure.pid().ifPresent(pid -> pids.put(PidFile.INFRA, pid));
        if (infrastructure.process() != null) {
            // for the supervisor: the same command brings the infrastructure back on its ports and data dir
            new LaunchSpec(infrastructure.process().restartCommand(), JavaCommand.LEAN_ENV,
                    options.stateDir().resolve("infra"), options.stateDir().resolve("logs").resolve("infra.log"))
                    .writeTo(options.stateDir(), PidFile.INFRA);
        }
        progress.say("infrastructure ready: kafka " + infrastructure.kafka()
                + (infrastructure.postgres() == null
                        ? ""
                        : ", postgres " + infrastructure.postgres().host() + ":"
                                + infrastructure.postgres().port()));
        Fleet fleet = new Fleet(options, infrastructure, pids);
        try {
            options.services().forEach(s -> s.database().ifPresent(db -> infrastructure.postgres().createDatabase(db)));
            fleet.launchAll(options.services(), progress);
            fleet.writeFleetFile();
            if (options.supervised()) {
                fleet.supervise();
                progress.say("supervisor started (pid " + fleet.supervisor.pid() + "): it restarts whatever dies;"
                        + " log in " + options.stateDir().resolve("logs").resolve("supervisor.log"));
            }
            progress.say("fleet ready; " + FleetFile.NAME + " in " + options.stateDir());
            return fleet;
        } catch (RuntimeException e) {
            fleet.stop();
            throw e;
        }
    }

    /** {@link FleetOptions#defaults} with this state dir. */
    public static Fleet start(Path repoRoot, Path stateDir) {
        return start(FleetOptions.defaults(repoRoot).withStateDir(stateDir));
    }

    private void launchAll(List<ServiceDef> services, Progress progress) {
        ServiceStarter starter = new ServiceStarter(options, progress, (service, process) -> {
            servicePids.put(service.name(), process.pid());
            pids.put(service.name(), process.pid());
        });
        starter.startAll(services, this::environment).forEach((service, process) -> urls.put(service, process.url()));
    }

    private Map<String, String> environment(ServiceDef service) {
        Map<String, String> env = new LinkedHashMap<>(JavaCommand.LEAN_ENV);
        env.putAll(options.env());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka());
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("FACTORY_ARTIFACTS_DIR", FleetLayout.artifacts(options.stateDir()).toString());
        env.put("FACTORY_WORK_DIR", FleetLayout.workDir(options.stateDir(), service).toString());
        service.database().ifPresent(database -> {
            PostgresEndpoint postgres = infrastructure.postgres();
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        });
        if (service.name().equals(ServiceDef.TESTER)) {
            // the admin datasource the gate makes each quarkus product's throw-away database and role with
            PostgresEndpoint postgres = infrastructure.postgres();
            env.put("TESTER_DATABASE_URL", postgres.jdbcUrl("postgres"));
            env.put("TESTER_DATABASE_USERNAME", postgres.username());
            env.put("TESTER_DATABASE_PASSWORD", postgres.password());
        }
        if (service.name().equals("deployer-service")) {
            // the admin datasource the deployer makes each quarkus product's own, lasting database and role with
            PostgresEndpoint postgres = infrastructure.postgres();
            env.put("DEPLOYER_PRODUCTS_DATABASE_URL", postgres.jdbcUrl("postgres"));
            env.put("DEPLOYER_PRODUCTS_DATABASE_USERNAME", postgres.username());
            env.put("DEPLOYER_PRODUCTS_DATABASE_PASSWORD", postgres.password());
        }
        return env;
    }

    private void writeFleetFile() {
        addresses().writeTo(options.stateDir());
    }

    /** What fleet.json says: the broker and each running service's base URL, in the fleet's start order. */
    public FleetFile addresses() {
        Map<String, String> services = new LinkedHashMap<>();
        ServiceDef.ALL.stream().map(ServiceDef::name).filter(urls::containsKey)
                .forEach(name -> services.put(name, urls.get(name).toString()));
        return new FleetFile(infrastructure.kafka(), services);
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafka();
    }

    /** Starts the supervisor for this fleet's state dir; for a fleet whose supervisor died, another one. */
    synchronized void supervise() {
        supervisor = SupervisorProcess.start(options.stateDir(), options.detached());
    }

    private boolean supervised() {
        return supervisor != null;
    }

    /**
     * The service's base URL, e.g. {@code http://127.0.0.1:41234}. Under supervision, what fleet.json says now: a
     * service the supervisor started again listens on a new port.
     */
    public URI url(String service) {
        URI url = supervised()
                ? FleetFile.readFrom(options.stateDir()).map(f -> f.services().get(service)).map(URI::create)
                        .orElse(null)
                : urls.get(service);
        if (url == null) {
            throw new IllegalArgumentException(service + " is not running in this fleet; running: " + urls.keySet());
        }
        return url;
    }

    /**
     * Stops the embedded broker, waits {@code downtime}, and starts it again on the same port and data dir while the
     * services keep running: they see a broker outage, not a new broker.
     */
    public void restartKafka(Duration downtime) {
        requireEmbedded().restart(Component.KAFKA, downtime);
    }

    /** Like {@link #restartKafka} for the embedded database: same port, same data. */
    public void restartPostgres(Duration downtime) {
        requireEmbedded().restart(Component.POSTGRES, downtime);
    }

    private InfraProcess requireEmbedded() {
        if (infrastructure.process() == null) {
            throw new IllegalStateException("this fleet uses external infrastructure; it cannot restart it");
        }
        return infrastructure.process();
    }

    public Optional<PostgresEndpoint> postgres() {
        return Optional.ofNullable(infrastructure.postgres());
    }

    public Path stateDir() {
        return options.stateDir();
    }

    public Path log(String service) {
        return FleetLayout.log(options.stateDir(), service);
    }

    /** The service's pid; under supervision, what pids.json says now. */
    public long pid(String service) {
        Long pid = supervised() ? PidFile.in(options.stateDir()).pids().get(service) : servicePids.get(service);
        if (pid == null) {
            throw new IllegalArgumentException(service + " is not running in this fleet");
        }
        return pid;
    }

    /** SIGTERM, grace, SIGKILL: the service stops alone, the rest of the fleet keeps running. */
    public void stopService(String service) {
        requireUnsupervised();
        Processes.stop(List.of(pid(service)), FleetShutdown.SERVICE_GRACE);
        forget(service);
    }

    /** SIGKILL, as a crash would: nothing is flushed or committed. Under supervision, it comes back by itself. */
    public void killService(String service) {
        long pid = pid(service);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().join());
        if (!supervised()) {
            forget(service);
        }
    }

    /** Starts a stopped service again (on a new port) and waits until it is ready; fleet.json follows. */
    public URI startService(String service) {
        requireUnsupervised();
        if (servicePids.containsKey(service)) {
            throw new IllegalStateException(service + " is running; stop it first");
        }
        launchAll(List.of(ServiceDef.named(service)), new Progress(options.progress()));
        writeFleetFile();
        return url(service);
    }

    private void requireUnsupervised() {
        if (supervised()) {
            throw new IllegalStateException("this fleet is supervised: its supervisor restarts what stops");
        }
    }

    private void forget(String service) {
        servicePids.remove(service);
        urls.remove(service);
        pids.remove(service);
        writeFleetFile();
    }

    /** Stops the fleet when this JVM exits, for callers that may not reach {@link #close()}. */
    public Fleet stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "fleet-stop"));
        return this;
    }

    /** Stops every service, then the infrastructure, and removes fleet.json and pids.json. */
    public synchronized void stop() {
        stop(options.stateDir(), line -> {
        });
        servicePids.clear();
        urls.clear();
        supervisor = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops whatever the state dir's pids.json names, from any JVM: services first, then the infrastructure. */
    public static void stop(Path stateDir, Consumer<String> progress) {
        FleetShutdown.stop(stateDir, progress);
    }

    /**
     * The fleet of the state dir if every process pids.json names is alive and fleet.json is there. The supervisor
     * does not count: the fleet runs on without it ({@code ./factory up} starts another).
     */
    public static Optional<FleetFile> running(Path stateDir) {
        Map<String, Long> pids = new LinkedHashMap<>(PidFile.in(stateDir).pids());
        pids.remove(PidFile.SUPERVISOR);
        if (pids.isEmpty() || !pids.values().stream().allMatch(Processes::alive)) {
            return Optional.empty();
        }
        return FleetFile.readFrom(stateDir);
    }

    /** The repository root: the nearest directory at or above {@code from} holding factory-devstack and a pom. */
    public static Path findRepoRoot(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("factory-devstack")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("no Gigafactory repository at or above " + from.toAbsolutePath());
    }
}
