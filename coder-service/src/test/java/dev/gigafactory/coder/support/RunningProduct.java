package dev.gigafactory.coder.support;

import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.product.ProductStartException;
import dev.gigafactory.testsupport.ProductClient;
import java.nio.file.Path;
import java.time.Duration;

/** A generated product started from its jar through the factory's own {@link ProductProcess}. */
public final class RunningProduct implements AutoCloseable {

    private final ProductProcess process;
    private final ProductClient client;

    private RunningProduct(ProductProcess process) {
        this.process = process;
        this.client = new ProductClient(process.baseUrl());
    }

    public static RunningProduct start(Path jar, Path dataDir, Path log) {
        try {
            return new RunningProduct(ProductProcess.start(ProductProcess.Launch.of(jar, dataDir, log)));
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
