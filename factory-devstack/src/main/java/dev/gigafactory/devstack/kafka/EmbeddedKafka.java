package dev.gigafactory.devstack.kafka;

import dev.gigafactory.devstack.infra.FreePorts;
import dev.gigafactory.devstack.infra.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker (broker and controller in one process) on 127.0.0.1, with every catalog topic
 * created. Tuned for one node and a small machine: replication 1, few partitions for internal topics, small buffers.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int controllerPort;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean ownsDataDir,
            int controllerPort) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker keeping its data in {@code dataDir}; with {@code null}, in a temp dir deleted on close. */
    public static EmbeddedKafka start(Path dataDir) {
        boolean owns = dataDir == null;
        Path dir = owns ? TempDirs.create("embedded-kafka") : dataDir;
        try {
            EmbeddedKafka kafka = startIn(dir, owns);
            TopicCatalog.createAll(kafka.bootstrapServers, TOPICS_TIMEOUT);
            return kafka;
        } catch (RuntimeException e) {
            if (owns) {
                TempDirs.delete(dir);
            }
            throw e;
        }
    }

    public static EmbeddedKafka start() {
        return start(null);
    }

    /**
     * Starts a broker on these ports and this data dir, as an earlier one used them: a broker that comes back after
     * its JVM died. The ports may still be held for a moment by the dead one's sockets, so this waits for them.
     */
    public static EmbeddedKafka startOn(Path dataDir, int brokerPort, int controllerPort) {
        EmbeddedKafka kafka = startRetrying(dataDir, false, brokerPort, controllerPort);
        TopicCatalog.createAll(kafka.bootstrapServers, TOPICS_TIMEOUT);
        return kafka;
    }

    private static EmbeddedKafka startIn(Path dir, boolean owns) {
        // Ports are picked just before binding; a lost race with another process shows as a bind error: retry.
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOn(dir, owns, FreePorts.pick(), FreePorts.pick());
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("the embedded Kafka broker did not start", last);
    }

    private static EmbeddedKafka startOn(Path dir, boolean owns, int brokerPort, int controllerPort) {
        Properties props = config(dir, brokerPort, controllerPort);
        format(dir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
            return new EmbeddedKafka(server, "127.0.0.1:" + brokerPort, dir, owns, controllerPort);
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
    }

    /**
     * Stops this broker, waits {@code downtime}, and starts a new one on the same ports and data dir, as a restarted
     * broker comes back: clients reconnect to the address they know and find their topics and offsets.
     */
    public EmbeddedKafka restart(Duration downtime) {
        server.shutdown();
        server.awaitShutdown();
        pause(downtime.toMillis());
        return startRetrying(dataDir, ownsDataDir, brokerPort(), controllerPort);
    }

    private static EmbeddedKafka startRetrying(Path dir, boolean owns, int brokerPort, int controllerPort) {
        RuntimeException last = null;
        // a port just closed may linger briefly; the same port is the point, so wait for it rather than pick another
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return startOn(dir, owns, brokerPort, controllerPort);
            } catch (RuntimeException e) {
                last = e;
                pause(500);
            }
        }
        throw new IllegalStateException("the embedded Kafka broker did not start on 127.0.0.1:" + brokerPort, last);
    }

    public int brokerPort() {
        return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
    }

    public int controllerPort() {
        return controllerPort;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Properties config(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.check.interval.ms", "30000");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        // The cleaner's dedupe buffer defaults to 128 MB of heap; the compacted internal topics here are tiny.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        return p;
    }

    /** Formats new storage; storage kept from an earlier run keeps its cluster id and its topics. */
    private static void format(Path dir, Properties props) {
        try {
            Files.createDirectories(dir);
            Path configFile = dir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(out, "embedded KRaft broker");
            }
            if (Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                return;
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(),
                    "--ignore-formatted"};
            int exit = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the broker configuration in " + dir, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (ownsDataDir) {
            TempDirs.delete(dataDir);
        }
    }
}
