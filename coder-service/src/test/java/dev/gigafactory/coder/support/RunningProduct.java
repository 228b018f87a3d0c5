package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.product.ProductJar;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.QuarkusManifest;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.sandbox.JvmBudget;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.testsupport.ProductClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A generated product started from its jar through the factory's own {@link ProductProcess}. */
public final class RunningProduct implements AutoCloseable {

    private final ProductProcess process;
    private final ProductClient client;

    private RunningProduct(ProductProcess process) {
        this.process = process;
        this.client = new ProductClient(process.baseUrl());
    }

    public static RunningProduct start(Path jar, Path dataDir, Path log) {
        return start(ProductProcess.Launch.of(jar, dataDir, log));
    }

    /**
     * A quarkus product, started as the deployer starts it (the jar's Main-Class, the JVM sized for Quarkus within a
     * product sandbox's limits) on a database of its own, given in its environment.
     */
    public static RunningProduct startQuarkus(Path jar, Path log, String jdbcUrl, String username, String password) {
        ProductProcess.Launch plain = ProductProcess.Launch.of(jar, log.resolveSibling("data"), log);
        try {
            List<String> main = List.of("-cp", jar.toAbsolutePath().toString(), ProductJar.mainClass(jar));
            return start(plain.withJvmFlags(JvmBudget.within(Sandbox.Limits.defaults().memoryBytes()).productOptions())
                    .withEnvironment(Map.of(QuarkusManifest.DATASOURCE_URL_ENV, jdbcUrl,
                            QuarkusManifest.DATASOURCE_USERNAME_ENV, username, QuarkusManifest.DATASOURCE_PASSWORD_ENV,
                            password))
                    .running(plain.java(), main));
        } catch (ProductStartException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static RunningProduct start(ProductProcess.Launch launch) {
        try {
            return new RunningProduct(ProductProcess.start(launch));
        } catch (ProductStartException e) {
            throw new AssertionError(e.getMessage() + "\n" + e.logExcerpt(), e);
        }
    }

    public ProductClient client() {
        return client;
    }

    public String log() {
        return process.logText();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as a deployer would; the product must exit within the grace period on its own. */
    public void stop() {
        process.stop(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }
}
