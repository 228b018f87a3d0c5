package dev.gigafactory.devstack.infra;

import dev.gigafactory.devstack.kafka.EmbeddedKafka;
import dev.gigafactory.devstack.postgres.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Hosts the embedded broker and/or database in a JVM of their own, writes where they listen to {@code infra.json} in
 * its directory, and stays up until killed (or, with {@code --exit-with-parent}, until its parent goes away).
 *
 * <p>
 * Usage: {@code InfraMain --dir DIR [--kafka] [--postgres] [--ephemeral] [--exit-with-parent] [--same-ports]}. With
 * {@code --ephemeral} the data lives in temp dirs removed on exit; otherwise under DIR, with the ports chosen in
 * {@link InfraPorts ports.json}, which {@code --same-ports} reuses (the supervisor starting the JVM again after it
 * died).
 */
public final class InfraMain {

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> flags = List.of(args);
        int dirIndex = flags.indexOf("--dir");
        if (dirIndex < 0 || dirIndex + 1 >= args.length) {
            System.err.println("usage: InfraMain --dir DIR [--kafka] [--postgres] [--ephemeral] [--exit-with-parent]");
            System.exit(2);
        }
        Path dir = Path.of(args[dirIndex + 1]).toAbsolutePath();
        boolean ephemeral = flags.contains("--ephemeral");
        Logging.quietenJBossLogManager();

        CountDownLatch stopped = new CountDownLatch(1);
        Hosted hosted = new Hosted();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hosted.close();
            stopped.countDown();
        }, "infra-stop"));
        InfraPorts previous = flags.contains("--same-ports") && !ephemeral
                ? InfraPorts.readFrom(dir).orElse(null)
                : null;
        try {
            if (flags.contains("--kafka")) {
                hosted.kafka = previous != null && previous.kafka() > 0
                        ? EmbeddedKafka.startOn(dir.resolve("kafka"), previous.kafka(), previous.controller())
                        : EmbeddedKafka.start(ephemeral ? null : dir.resolve("kafka"));
            }
            if (flags.contains("--postgres")) {
                hosted.database = previous != null && previous.postgres() > 0
                        ? EmbeddedDatabase.startOn(dir.resolve("postgres"), previous.postgres())
                        : EmbeddedDatabase.start(ephemeral ? null : dir.resolve("postgres"));
            }
            if (!ephemeral) {
                new InfraPorts(hosted.kafka == null ? 0 : hosted.kafka.brokerPort(),
                        hosted.kafka == null ? 0 : hosted.kafka.controllerPort(),
                        hosted.database == null ? 0 : hosted.database.port()).writeTo(dir);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        InfraControl control = InfraControl.serve(hosted::restart);
        new InfraAddresses(hosted.kafka == null ? null : hosted.kafka.bootstrapServers(),
                hosted.database == null ? null : hosted.database.endpoint(), ProcessHandle.current().pid(),
                control.port()).writeTo(dir);
        System.err.println("infrastructure ready: " + InfraAddresses.readFrom(dir));
        if (flags.contains("--exit-with-parent")) {
            exitWhenStdinCloses();
        }
        stopped.await();
    }

    /** The parent holds our stdin; when it dies, even by SIGKILL, the pipe closes and we follow. */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // ignore anything written; only end-of-stream matters
                }
            } catch (IOException e) {
                // a broken pipe means the same as end-of-stream
            }
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** What this process hosts; closed in reverse order of start by the shutdown hook. */
    private static final class Hosted {
        private volatile EmbeddedKafka kafka;
        private volatile EmbeddedDatabase database;

        /** Restarts one part on its ports and data dir; the other keeps serving. */
        synchronized void restart(InfraProcess.Component component, Duration downtime) {
            switch (component) {
                case KAFKA -> kafka = require(kafka, component).restart(downtime);
                case POSTGRES -> database = require(database, component).restart(downtime);
            }
        }

        private static <T> T require(T part, InfraProcess.Component component) {
            if (part == null) {
                throw new IllegalStateException(component + " is not hosted here");
            }
            return part;
        }

        synchronized void close() {
            if (database != null) {
                database.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
