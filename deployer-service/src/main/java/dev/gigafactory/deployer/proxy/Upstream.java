package dev.gigafactory.deployer.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/** One product instance behind a stable proxy, with the number of requests it is serving right now. */
public final class Upstream {

    private final int port;
    private final AtomicInteger inFlight = new AtomicInteger();

    Upstream(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    public int inFlight() {
        return inFlight.get();
    }

    void begin() {
        inFlight.incrementAndGet();
    }

    void release() {
        inFlight.decrementAndGet();
    }
}
