package dev.gigafactory.e2e.bench;

import dev.gigafactory.contracts.topics.Topics;
import dev.gigafactory.devstack.launcher.Fleet;
import dev.gigafactory.devstack.launcher.FleetOptions;
import dev.gigafactory.devstack.launcher.ServiceDef;
import dev.gigafactory.e2e.FleetSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A harness, not a test: submit → accepted latency through the real broker, with intake as its own process. One spec
 * at a time, so the figure is the pipeline hop, not queueing. Latency = the accepted record's timestamp minus the
 * submitted record's (both producer create-times on this machine's clock). Run:
 * {@code java -cp <factory-e2e test classpath> dev.gigafactory.e2e.bench.IntakeLatencyBenchmark [count]}.
 */
public final class IntakeLatencyBenchmark {

    private IntakeLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path repo = Fleet.findRepoRoot(Path.of("").toAbsolutePath());
        try (Fleet fleet = Fleet.start(FleetOptions.defaults(repo)
                .withStateDir(Files.createTempDirectory("intake-bench-"))
                .withServices(List.of(ServiceDef.named(ServiceDef.INTAKE))));
                KafkaProducer<String, byte[]> producer = FleetSupport.producer(fleet.kafkaBootstrapServers());
                KafkaConsumer<String, byte[]> accepted = FleetSupport.consumer(fleet.kafkaBootstrapServers())) {
            List<TopicPartition> partitions = accepted.partitionsFor(Topics.SPECS_ACCEPTED).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            accepted.assign(partitions);
            accepted.seekToEnd(partitions);
            partitions.forEach(accepted::position);
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < count + 50; i++) {
                String name = "lat-" + i;
                RecordMetadata sent = FleetSupport.publish(producer, name, FleetSupport.spec(name));
                long acceptedAt = awaitAccepted(accepted, name);
                if (i >= 50) { // the first 50 warm the JIT up
                    latencies.add(acceptedAt - sent.timestamp());
                }
            }
            Collections.sort(latencies);
            System.out.printf("submit → accepted over %d specs, one at a time: p50 %d ms, p99 %d ms, max %d ms%n",
                    latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                    latencies.get(latencies.size() - 1));
        }
    }

    private static long awaitAccepted(KafkaConsumer<String, byte[]> consumer, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                if (name.equals(record.key())) {
                    return record.timestamp();
                }
            }
        }
        throw new IllegalStateException(name + " was not accepted within 30 s");
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
