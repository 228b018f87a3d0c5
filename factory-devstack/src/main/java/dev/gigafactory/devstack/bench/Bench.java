package dev.gigafactory.devstack.bench;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.bench.StageClock.Timeline;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./factory bench [N]}: the todo spec alone, a few times in a row (latency without queueing), then a burst of N
 * renamed copies at once (queueing, throughput), every stage timed from the records on the topics; last, the todo
 * spec on the quarkus stack a few times, beside the jdk-http singles.
 */
public final class Bench {

    private static final int QUARKUS_SINGLES = 3;

    /** One spec's trip: when it reached each stage, and when its product process started (0 if unknown). */
    record Sample(String spec, Timeline timeline, long productStartedAt) {
    }

    /** Everything a run measured. */
    record Result(int n, List<Sample> singles, List<Sample> burst, Duration burstWall, FleetMemory memory,
            String hopBreakdown, CpuUse burstCpu, StackComparison stacks) {
    }

    private final String kafka;
    private final Map<String, java.net.URI> services;
    private final Path stateDir;
    private final PrintStream out;
    private final Duration timeout;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    public Bench(String kafka, Map<String, java.net.URI> services, Path stateDir, PrintStream out,
            Duration timeout) {
        this.kafka = kafka;
        this.services = Map.copyOf(services);
        this.stateDir = stateDir;
        this.out = out;
        this.timeout = timeout;
    }

    /**
     * Runs the todo spec alone {@code singles} times, then a burst of {@code n}, prints the table and writes it to
     * {@code docs/benchmarks.md} under the repository root.
     */
    public void runAndDocument(Path repoRoot, int n, int singles, Map<String, Long> fleetPids, String infraName)
            throws java.io.IOException {
        byte[] todo = java.nio.file.Files.readAllBytes(repoRoot.resolve("examples/specs/todo.yaml"));
        Result result = run(todo, n, singles, fleetPids, infraName);
        String section = BenchReport.markdown(result, "./factory bench " + n + " (after one warm-up spec per "
                + "partition, the todo spec alone " + singles + " times in a row, then the burst)", machine());
        out.println();
        out.println(section);
        Path doc = repoRoot.resolve("docs").resolve("benchmarks.md");
        BenchDoc.write(doc, section);
        out.println("written to " + doc);
    }

    static String machine() {
        long memKb = 0;
        try {
            memKb = java.nio.file.Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:")).mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0);
        } catch (java.io.IOException e) {
            // not Linux: memory unknown
        }
        return String.format(java.util.Locale.ROOT, "%d cores (nproc), %.1f GB memory, %s %s (%s)",
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"));
    }

    Result run(byte[] todo, int n, int singles, Map<String, Long> fleetPids, String infraName) {
        String prefix = "bench-" + run + "-";
        try (StageClock clock = new StageClock(kafka, key -> key.startsWith(prefix));
                KafkaProducer<String, byte[]> producer = producer()) {
            List<String> warmUp = BenchSpecs.warmUpNames(prefix, producer.partitionsFor(Topics.SPECS_SUBMITTED).size());
            for (int i = 0; i < warmUp.size(); i++) {
                String name = warmUp.get(i);
                publish(producer, name, todo);
                awaitAll(clock, List.of(name));
                out.printf("warm-up %d/%d: %s running after %d ms (not counted)%n", i + 1, warmUp.size(), name,
                        total(sample(clock, name)));
            }
            ConsumerBreakdown beforeSingles = ConsumerBreakdown.scrape(services);
            List<Sample> alone = new ArrayList<>();
            for (int i = 0; i < singles; i++) {
                String name = prefix + "s" + i;
                publish(producer, name, todo);
                awaitAll(clock, List.of(name));
                alone.add(sample(clock, name));
                out.printf("single %d/%d: %s running after %d ms%n", i + 1, singles, name, total(alone.get(i)));
            }
            String hopBreakdown = ConsumerBreakdown.scrape(services).markdown(beforeSingles);
            List<String> names = IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
            CpuUse.Reading cpuBefore = CpuUse.Reading.now(FleetProcesses.of(fleetPids, stateDir));
            long started = System.nanoTime();
            names.forEach(name -> publish(producer, name, todo));
            out.printf("published %d specs (%s0..%d); waiting for all of them to run%n", n, prefix, n - 1);
            awaitAll(clock, names);
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            CpuUse burstCpu = CpuUse.between(cpuBefore, CpuUse.Reading.now(FleetProcesses.of(fleetPids, stateDir)));
            List<Sample> burst = names.stream().map(name -> sample(clock, name)).toList();
            FleetMemory memory = FleetMemory.measure(fleetPids, infraName, stateDir);
            StackComparison stacks = new StackComparison(List.of(
                    StackComparison.Row.of("jdk-http", alone, memory.eachProduct()),
                    quarkus(clock, producer, prefix, BenchSpecs.onQuarkus(todo))));
            return new Result(n, alone, burst, wall, memory, hopBreakdown, burstCpu, stacks);
        }
    }

    // After the burst, so the burst's product memory is jdk-http's alone; its failure costs its row, not the bench.
    private StackComparison.Row quarkus(StageClock clock, KafkaProducer<String, byte[]> producer, String prefix,
            byte[] todo) {
        List<Sample> samples = new ArrayList<>();
        List<Footprint> products = new ArrayList<>();
        for (int i = 0; i < QUARKUS_SINGLES; i++) {
            String name = prefix + "q" + i;
            publish(producer, name, todo);
            try {
                awaitAll(clock, List.of(name));
            } catch (IllegalStateException e) {
                return StackComparison.Row.failed(BenchSpecs.QUARKUS, "did not run: " + e.getMessage());
            }
            Sample sample = sample(clock, name);
            if (sample.timeline().failed()) {
                return StackComparison.Row.failed(BenchSpecs.QUARKUS, "failed; see ./factory status " + name);
            }
            samples.add(sample);
            products.add(Footprint.of(productPid(name)));
            out.printf("quarkus %d/%d: %s running after %d ms%n", i + 1, QUARKUS_SINGLES, name, total(sample));
        }
        return StackComparison.Row.of(BenchSpecs.QUARKUS, samples, products);
    }

    static long total(Sample sample) {
        Map<String, Long> at = sample.timeline().at();
        return at.containsKey("deployed") ? at.get("deployed") - at.get("submitted") : -1;
    }

    private Sample sample(StageClock clock, String name) {
        long pid = productPid(name);
        return new Sample(name, clock.timeline(name), pid > 0 ? ProcStart.epochMillis(pid) : 0L);
    }

    private long productPid(String name) {
        return FleetMemory.products(stateDir).stream()
                .filter(p -> p.info().commandLine().orElse("").contains("/products/" + name + "/"))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(0L);
    }

    private void awaitAll(StageClock clock, List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!names.stream().allMatch(clock::finished)) {
            if (System.nanoTime() > deadline) {
                long done = names.stream().filter(clock::finished).count();
                throw new IllegalStateException("only " + done + " of " + names.size() + " specs were running after "
                        + timeout + "; see ./factory status and the logs in " + stateDir.resolve("logs"));
            }
            sleep(50);
        }
    }

    private void publish(KafkaProducer<String, byte[]> producer, String name, byte[] todo) {
        try {
            producer.send(new ProducerRecord<>(Topics.SPECS_SUBMITTED, name, BenchSpecs.renamed(todo, name))).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish " + name + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
