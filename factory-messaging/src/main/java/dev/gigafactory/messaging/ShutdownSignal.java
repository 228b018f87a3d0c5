package dev.gigafactory.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Says whether this service has begun to stop. Set by a JVM shutdown hook, which runs as soon as SIGTERM arrives
 * (before Quarkus gets round to closing channels), and by Quarkus' own shutdown event, which covers an application
 * stopped without the JVM exiting (tests).
 */
@Singleton
public class ShutdownSignal {

    private final CountDownLatch stopping = new CountDownLatch(1);

    @PostConstruct
    void watchJvm() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "gigafactory-shutdown-signal"));
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    public boolean stopping() {
        return stopping.getCount() == 0;
    }

    public void stop() {
        stopping.countDown();
    }

    /** Sleeps for {@code delay}, or less if the service starts stopping meanwhile; true if it is stopping. */
    public boolean awaitStopping(Duration delay) {
        try {
            return stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
