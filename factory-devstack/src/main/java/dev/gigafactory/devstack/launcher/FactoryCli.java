package dev.gigafactory.devstack.launcher;

import dev.gigafactory.devstack.bench.Bench;
import dev.gigafactory.devstack.infra.TempDirs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;

/** {@code ./factory}: run the whole factory on this machine and talk to it. */
public final class FactoryCli {

    static final String USAGE = """
            usage: ./factory <command>
              up              start Kafka, PostgreSQL, the six services and a supervisor that restarts whatever
                              of them dies (state and logs in .factory/); with a fleet up, restarts its supervisor
              submit FILE     publish a spec document (YAML or JSON) to the intake topic
              status [NAME]   the fleet's processes (pid, up since, restarts, ready) and every spec, or one
                              spec's timeline
              retry NAME      build the newest version of a spec again, once it has failed for good
              demo            up, submit examples/specs/todo.yaml, follow it until the generated service answers
              bench [N]       a fresh fleet of its own (in .factory/bench/, stopped at the end): warm up (a spec
                              per partition), time the todo spec alone (10 times), then N copies at once
                              (default 50); writes the table to docs/benchmarks.md
              down            stop everything the fleet started
            environment: FACTORY_STATE_DIR (default <repo>/.factory), KAFKA_BOOTSTRAP_SERVERS and
              FACTORY_POSTGRES_URL (postgresql://user:password@host:port) to use external infrastructure,
              FACTORY_DEMO_TIMEOUT (seconds, default 300), INTAKE_API_KEY (sent with retry), FACTORY_JVM_FLAGS (extra flags for every service JVM,
              after the defaults, so they win)""";

    private final Path repoRoot;
    private final Path stateDir;
    private final PrintStream out;

    FactoryCli(Path repoRoot, Path stateDir, PrintStream out) {
        this.repoRoot = repoRoot;
        this.stateDir = stateDir;
        this.out = out;
    }

    public static void main(String[] args) {
        Path root = Optional.ofNullable(System.getProperty("factory.root")).map(Path::of)
                .orElseGet(() -> Fleet.findRepoRoot(Path.of("")));
        Path state = Optional.ofNullable(System.getenv("FACTORY_STATE_DIR")).map(Path::of)
                .orElse(root.resolve(".factory")).toAbsolutePath();
        int code;
        try {
            code = new FactoryCli(root, state, System.out).run(args);
        } catch (RuntimeException e) {
            System.err.println("factory: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        return switch (command) {
            case "up" -> up();
            case "submit" -> rest.size() == 1 ? submit(Path.of(rest.get(0))) : usage();
            case "status" -> rest.size() <= 1 ? status(rest.isEmpty() ? null : rest.get(0)) : usage();
            case "retry" -> rest.size() == 1 ? retry(rest.get(0)) : usage();
            case "demo" -> demo();
            case "bench" -> rest.size() <= 1 ? bench(rest.isEmpty() ? 50 : Integer.parseInt(rest.get(0))) : usage();
            case "down" -> down();
            default -> usage();
        };
    }

    private int usage() {
        out.println(USAGE);
        return 2;
    }

    private int up() {
        Optional<FleetFile> running = Fleet.running(stateDir);
        if (running.isPresent()) {
            out.println("already up");
            if (SupervisorProcess.alive(stateDir).isEmpty()) {
                long pid = SupervisorProcess.start(stateDir, true).pid();
                out.println("its supervisor was not running: started it again (pid " + pid + ")");
            }
            printFleet(running.get());
            return 0;
        }
        // Ctrl-C while starting must not leave half a fleet behind; once up, it runs on after this JVM.
        Thread cleanup = new Thread(() -> Fleet.stop(stateDir, line -> {
        }), "stop-half-started-fleet");
        Runtime.getRuntime().addShutdownHook(cleanup);
        FleetOptions options = FleetOptions.defaults(repoRoot).withStateDir(stateDir).withDetached(true)
                .withSupervised(true).withProgress(out::println);
        Fleet fleet = Fleet.start(options.withJvmFlags(jvmFlags(options.jvmFlags())));
        Runtime.getRuntime().removeShutdownHook(cleanup);
        printFleet(fleet.addresses());
        out.println("logs in " + stateDir.resolve("logs") + "; stop with ./factory down");
        return 0;
    }

    private void printFleet(FleetFile fleet) {
        out.println("  kafka                " + fleet.kafka());
        fleet.services().forEach((name, url) -> out.println(String.format("  %-20s %s", name, url)));
    }

    private int submit(Path file) {
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            out.println("no such file: " + file);
            return 1;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        RecordMetadata sent = SpecSubmitter.submit(kafka(), document);
        out.println("submitted " + SpecSubmitter.nameOf(document).orElse("a document without metadata.name") + " ("
                + document.length + " bytes) to " + sent.topic() + ", partition " + sent.partition() + ", offset "
                + sent.offset());
        return 0;
    }

    private int status(String name) {
        IntakeClient intake = new IntakeClient(requireFleet().service(ServiceDef.INTAKE));
        if (name == null) {
            out.println(ProcessTable.render(stateDir));
            out.println();
            out.println(StatusView.table(intake.list()));
            return 0;
        }
        return intake.spec(name).map(spec -> {
            out.println(StatusView.detail(spec));
            return 0;
        }).orElseGet(() -> {
            out.println("intake knows no spec named " + name);
            return 1;
        });
    }

    /** {@code POST /api/specs/{name}/retry} on the fleet's intake, with INTAKE_API_KEY when set. */
    private int retry(String name) {
        IntakeClient intake = new IntakeClient(requireFleet().service(ServiceDef.INTAKE),
                System.getenv("INTAKE_API_KEY"));
        IntakeClient.RetryAnswer answer = intake.retry(name);
        if (!answer.accepted()) {
            out.println(answer.why());
            return 1;
        }
        out.println("retrying " + name + " version " + StatusView.text(answer.body(), "version") + " (retry "
                + StatusView.text(answer.body(), "retry") + "); follow it with ./factory status " + name);
        return 0;
    }

    private int demo() {
        if (up() != 0) {
            return 1;
        }
        FleetFile fleet = requireFleet();
        Path spec = repoRoot.resolve("examples").resolve("specs").resolve("todo.yaml");
        if (submit(spec) != 0) {
            return 1;
        }
        Demo demo = new Demo(new IntakeClient(fleet.service(ServiceDef.INTAKE)), out, stateDir.resolve("logs"));
        Optional<URI> url = demo.follow("todo", Demo.digestOf(spec), "/todos", demoTimeout());
        url.ifPresent(base -> {
            out.println();
            out.println("todo is running at " + base);
            out.println("  try: curl -s " + base + "/todos");
            out.println("       curl -s -X POST -H 'Content-Type: application/json' -d '{\"title\":\"Buy milk\"}' "
                    + base + "/todos");
        });
        return url.isPresent() ? 0 : 1;
    }

    /**
     * A fresh fleet of its own, stopped at the end: a fleet already up would share the cores, and a reused state dir
     * brings back every product earlier runs deployed (the deployer re-adopts them as it starts).
     */
    private int bench(int n) {
        if (Fleet.running(stateDir).isPresent()) {
            out.println("a fleet is up in " + stateDir + "; stop it first (./factory down): the bench measures a fleet "
                    + "alone on the machine");
            return 1;
        }
        Path benchState = stateDir.resolve("bench");
        TempDirs.delete(benchState);
        FleetOptions options = FleetOptions.defaults(repoRoot).withStateDir(benchState).withDetached(true)
                .withProgress(out::println);
        try (Fleet fleet = Fleet.start(options.withJvmFlags(jvmFlags(options.jvmFlags()))).stopOnExit()) {
            Map<String, URI> services = new LinkedHashMap<>();
            fleet.addresses().services().forEach((name, url) -> services.put(name, URI.create(url)));
            new Bench(fleet.kafkaBootstrapServers(), services, benchState, out,
                    Duration.ofMinutes(10).plusSeconds(10L * n))
                    .runAndDocument(repoRoot, n, 10, PidFile.in(benchState).pids(), PidFile.INFRA);
            out.println("stopping the bench's fleet; its logs stay in " + benchState.resolve("logs"));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int down() {
        if (PidFile.in(stateDir).pids().isEmpty()) {
            out.println("nothing is running (no " + PidFile.NAME + " in " + stateDir + ")");
            return 0;
        }
        Fleet.stop(stateDir, out::println);
        out.println("stopped");
        return 0;
    }

    private String kafka() {
        String external = System.getenv(Infrastructure.KAFKA_ENV);
        return external != null && !external.isBlank() ? external : requireFleet().kafka();
    }

    private FleetFile requireFleet() {
        return Fleet.running(stateDir).orElseThrow(() -> new IllegalStateException(
                "the factory is not running (no live fleet in " + stateDir + "): start it with ./factory up"));
    }

    private static List<String> jvmFlags(List<String> defaults) {
        String extra = System.getenv().getOrDefault("FACTORY_JVM_FLAGS", "").trim();
        if (extra.isEmpty()) {
            return defaults;
        }
        List<String> flags = new ArrayList<>(defaults);
        flags.addAll(Arrays.asList(extra.split("\\s+")));
        return flags;
    }

    private static Duration demoTimeout() {
        String seconds = System.getenv().getOrDefault("FACTORY_DEMO_TIMEOUT", "300");
        return Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }
}
