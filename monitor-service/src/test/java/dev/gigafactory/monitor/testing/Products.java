package dev.gigafactory.monitor.testing;

import dev.gigafactory.contracts.events.DeploymentCompleted;
import dev.gigafactory.contracts.product.ProductProcess;
import dev.gigafactory.testsupport.Deployments;
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
        Deployments deployment = Deployments.of(spec, version).cause(cause);
        return (url != null ? deployment.url(url) : deployment.failed("did not start")).build();
    }

    @Override
    public void close() {
        started.forEach(ProductProcess::close);
    }
}
