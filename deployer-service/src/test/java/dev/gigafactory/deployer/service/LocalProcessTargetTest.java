package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.testing.FixtureProducts;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real product processes, without Quarkus: what a restarted deployer finds of the products it left running. */
class LocalProcessTargetTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedDeployerReadoptsItsRunningProductInsteadOfStartingItTwice() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(dir.resolve("artifacts"));
        String digest = store.put(FixtureProducts.jar("kept"));
        LocalProcessTarget before = target(store, registry());
        Deployment running = before.deploy(new Release("keep", 1, 1, digest, Slo.DEFAULT));
        try {
            ProductRegistry reborn = registry();

            assertThat(reborn.load()).containsExactly(running);
            assertThat(target(store, reborn).status("keep")).contains(running);
            assertThat(Http.get(running.url() + "/label")).contains(new Answer(200, "kept"));
            // The recorded pid is the product's JVM itself, not a wrapper, so stopping it stops the product.
            assertThat(ProcessHandle.of(running.pid()).orElseThrow().info().command().orElseThrow()).endsWith("java");
            assertThat(dir.resolve("work/products/keep/v1/app.jar")).exists();
            assertThat(dir.resolve("work/products/keep/v1/product.log")).content().contains("listening on port");
            assertThat(dir.resolve("work/products/keep/data")).isDirectory();
        } finally {
            before.stop("keep");
        }
        assertThat(Http.get(running.url() + "/health")).isEmpty();
    }

    private ProductRegistry registry() {
        return new ProductRegistry(new StateFile(dir.resolve("work/deployments.json")), ProcessProbe.system());
    }

    private LocalProcessTarget target(LocalArtifactStore store, ProductRegistry registry) {
        return new LocalProcessTarget(store, registry, ProcessProbe.system(), new LocalProcessTarget.Settings(
                dir.resolve("work"), Duration.ofSeconds(2), Duration.ofSeconds(30), List.of("setsid")));
    }
}
