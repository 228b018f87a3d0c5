package dev.gigafactory.monitor.testing;

import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.contracts.spec.Slo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fixture products started as real processes for one test, and the deployment events announcing them. */
public final class Products implements AutoCloseable {

    private final List<ProductProcess> started = new ArrayList<>();
    private final Path dir;

    public Products() throws Exception {
        dir = Files.createTempDirectory("monitored");
    }

    public ProductProcess start(byte[] jar) throws Exception {
        int n = started.size();
        Path file = Files.write(dir.resolve("app-" + n + ".jar"), jar);
        ProductProcess product = ProductProcess.start(ProductProcess.Launch.of(file, dir.resolve("data"),
                dir.resolve("product-" + n + ".log")));
        started.add(product);
        return product;
    }

    public static DeploymentCompleted deployed(String spec, int version, String url, String cause) {
        return new DeploymentCompleted(spec, version, 1, url != null, url, Digests.sha256(spec.getBytes()), "local",
                Slo.DEFAULT, url != null ? "started" : "did not start", cause);
    }

    @Override
    public void close() {
        started.forEach(ProductProcess::close);
    }
}
