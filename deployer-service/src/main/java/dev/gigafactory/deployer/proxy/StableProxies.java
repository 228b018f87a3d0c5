package dev.gigafactory.deployer.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Every spec's stable proxy, sharing one pooled upstream client. */
public final class StableProxies implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StableProxies.class);

    private final Vertx vertx;
    private final HttpClient client;
    private final Map<String, StableProxy> proxies = new ConcurrentHashMap<>();

    public StableProxies(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout(2000));
    }

    /**
     * The spec's proxy, opened on {@code preferredPort} when given and free, else on a new free port (the caller
     * remembers which one).
     */
    public synchronized StableProxy open(String spec, Integer preferredPort) throws ProxyBindException {
        StableProxy open = proxies.get(spec);
        if (open != null) {
            return open;
        }
        StableProxy proxy;
        if (preferredPort != null && preferredPort > 0) {
            try {
                proxy = StableProxy.open(vertx, client, preferredPort);
            } catch (ProxyBindException taken) {
                LOG.warnf("%s: stable port %d is taken (%s); moving to a new port", spec, preferredPort,
                        taken.getMessage());
                proxy = StableProxy.open(vertx, client, 0);
            }
        } else {
            proxy = StableProxy.open(vertx, client, 0);
        }
        proxies.put(spec, proxy);
        return proxy;
    }

    public Optional<StableProxy> of(String spec) {
        return Optional.ofNullable(proxies.get(spec));
    }

    public synchronized void close(String spec) {
        StableProxy proxy = proxies.remove(spec);
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The deployer stops: its stable URLs go with it, the products keep running for the next deployer. */
    @Override
    public synchronized void close() {
        proxies.values().forEach(StableProxy::close);
        proxies.clear();
        client.close();
    }
}
