package dev.gigafactory.deployer.config;

import dev.gigafactory.sandbox.Sandbox;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "deployer")
public interface DeployerConfig {

    enum Target {
        LOCAL, KUBERNETES
    }

    /** Where products run: local processes behind the deployer's proxies, or the configured Kubernetes cluster. */
    @WithDefault("local")
    Target target();

    /** How long a replaced product gets to finish its requests (drain), and then between SIGTERM and SIGKILL. */
    @WithDefault("10s")
    Duration stopGrace();

    /** How long a new version gets to print its port and answer /health before it counts as failed. */
    @WithDefault("60s")
    Duration readyTimeout();

    /**
     * Start products in their own session (setsid), so a Ctrl-C or a signal to the deployer's process group does not
     * take the products down with it.
     */
    @WithDefault("true")
    boolean detach();

    /**
     * How local products are confined: {@code bwrap}, the gate's bubblewrap profile (only their own data directory
     * writable, no factory file visible, no network but the loopback the stable proxy reaches through; a deploy fails
     * with the reason while bubblewrap is missing or broken), or {@code none}, unconfined, only when asked for.
     */
    @WithDefault("bwrap")
    Sandbox.Mode sandbox();

    /** The bubblewrap executable: a name looked up on PATH, or a path. */
    @WithDefault("bwrap")
    String bubblewrap();

    /** Address space each product may map (ulimit -v), in MiB; the product JVM flags keep Java inside it. */
    @WithDefault("1024")
    long memoryLimitMib();

    /** The largest file a product may write (ulimit -f: its log, its data files), in MiB. */
    @WithDefault("1024")
    long fileSizeLimitMib();

    /**
     * The admin datasource of the PostgreSQL where each quarkus product gets a database and a role of its own (made on
     * its first deploy, never dropped). Absent: quarkus releases fail their deployment saying so; jdk-http products
     * need none.
     */
    Optional<ProductsDatabase> productsDatabase();

    interface ProductsDatabase {

        /** A PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/postgres. */
        String url();

        /** A role that may create databases and roles. */
        String username();

        Optional<String> password();
    }

    Kubernetes kubernetes();

    interface Kubernetes {

        @WithDefault("gigafactory")
        String namespace();

        /** Where pods fetch artifacts from: {@code <base>/<digest hex>} serves the artifact store's bytes. */
        Optional<String> artifactBaseUrl();

        @WithDefault("eclipse-temurin:17-jre")
        String image();

        /** With a domain, each product also gets an Ingress at {@code <spec>.<domain>}. */
        Optional<String> ingressDomain();

        /**
         * The CloudNativePG Cluster (in the namespace) where quarkus products get their databases: its managed roles
         * gain one per product, and products connect to its {@code <cluster>-rw} Service.
         */
        @WithDefault("gigafactory-db")
        String postgresCluster();
    }
}
