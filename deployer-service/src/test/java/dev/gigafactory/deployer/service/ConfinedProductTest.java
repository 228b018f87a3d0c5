package dev.gigafactory.deployer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.spec.Slo;
import dev.gigafactory.deployer.domain.Deployment;
import dev.gigafactory.deployer.domain.Release;
import dev.gigafactory.deployer.proxy.StableProxies;
import dev.gigafactory.deployer.repository.InMemoryDeploymentStore;
import dev.gigafactory.deployer.testing.Confined;
import dev.gigafactory.deployer.testing.Http;
import dev.gigafactory.deployer.testing.Http.Answer;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.testsupport.FixtureProducts;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed product is hostile code that runs for good: in the deployer's sandbox it reaches nothing of the factory
 * (its files, other products' data, the deployer's process, the host's network) and keeps only its own data. Every
 * probe is paired with the same product deployed unconfined, where the probe does reach its target: so a "denied" in
 * the sandbox is the sandbox's doing, not a broken probe.
 */
class ConfinedProductTest {

    private static Vertx vertx;

    @TempDir
    Path dir;

    private final List<LocalProcessTarget> targets = new ArrayList<>();
    private LocalArtifactStore artifacts;
    private ServerSocket listener;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close();
    }

    @BeforeEach
    void factoryFiles() throws IOException {
        artifacts = new LocalArtifactStore(dir.resolve("artifacts"));
        Files.createDirectories(dir.resolve("factory"));
        Files.writeString(dir.resolve("factory/credentials"), "password=factory-secret");
        Path neighbour = Files.createDirectories(dir.resolve("work/products/neighbour/data"));
        Files.writeString(neighbour.resolve("rows.journal"), "another product's rows");
        listener = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
        Thread acceptor = new Thread(this::acceptForever, "probe-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopEverything() throws IOException {
        targets.forEach(target -> {
            target.stop("hostile");
            target.close();
        });
        listener.close();
    }

    @Test
    void aConfinedProductReachesNothingOfTheFactoryThatItReachesUnconfined() throws Exception {
        Deployment free = target("free", Sandbox.Mode.NONE).deploy(release(1, "free"));
        Deployment confined = target("work", Sandbox.Mode.BWRAP).deploy(release(1, "confined"));

        Map<String, String> probes = hostileProbes();
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            assertThat(probe(free, probe.getValue())).as("unconfined: " + probe.getKey()).startsWith("reached");
            assertThat(probe(confined, probe.getValue())).as("confined: " + probe.getKey()).startsWith("denied");
        }
    }

    @Test
    void aConfinedProductKeepsItsOwnDataAcrossARedeploy() throws Exception {
        LocalProcessTarget target = target("work", Sandbox.Mode.BWRAP);
        Deployment one = target.deploy(release(1, "one"));
        assertThat(probe(one, "keep=notes")).startsWith("reached");
        assertThat(dir.resolve("work/products/hostile/data/notes")).hasContent("kept by a product");

        Deployment two = target.deploy(release(2, "two"));

        assertThat(Http.get(two.url() + "/label")).contains(new Answer(200, "two"));
        assertThat(probe(two, "recall=notes")).isEqualTo("reached: kept by a product");
        assertThat(probe(two, "write=" + dir.resolve("work/products/hostile/v2/app.jar"))).startsWith("denied");
    }

    @Test
    void aProductIsNotStartedUnconfinedWhenTheSandboxIsMissing() {
        LocalProcessTarget.Settings settings = Confined.settings(dir.resolve("work"), Sandbox.Mode.BWRAP);
        Sandbox missing = Sandbox.of(Sandbox.Mode.BWRAP, settings.sandbox().limits(), dir.resolve("state"),
                dir.resolve("no-such-bwrap").toString());
        LocalProcessTarget target = track(new LocalProcessTarget(artifacts, new ProductRegistry(
                new InMemoryDeploymentStore()), ProcessProbe.system(), new StableProxies(vertx),
                new LocalProcessTarget.Settings(settings.workDir(), settings.stopGrace(), settings.readyTimeout(),
                        settings.wrapper(), missing)));

        assertThat(catchThrowable(() -> target.deploy(release(1, "one"))))
                .hasMessageContaining("products run only inside the sandbox")
                .hasMessageContaining("bubblewrap (bwrap) is not installed");
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .map(line -> line.contains(dir.resolve("work").toString())).orElse(false))).isEmpty();
    }

    /** What hostile code tries, by name: each reaches its target when unconfined. */
    private Map<String, String> hostileProbes() {
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("the factory's files", "read=" + dir.resolve("factory/credentials"));
        probes.put("writing into the factory", "write=" + dir.resolve("factory/planted"));
        probes.put("the artifact store", "list=" + dir.resolve("artifacts"));
        probes.put("another product's data", "read=" + dir.resolve("work/products/neighbour/data/rows.journal"));
        probes.put("writing another product's data", "write=" + dir.resolve("work/products/neighbour/data/planted"));
        probes.put("the deployer's process", "read=/proc/" + ProcessHandle.current().pid() + "/cmdline");
        probes.put("the host's loopback", "tcp=127.0.0.1:" + listener.getLocalPort());
        hostAddress().ifPresent(
                address -> probes.put("the host's network", "tcp=" + address + ":" + listener.getLocalPort()));
        return probes;
    }

    private String probe(Deployment deployment, String query) {
        String[] parts = query.split("=", 2);
        String url = deployment.url() + "/probe?" + parts[0] + "="
                + URLEncoder.encode(parts[1], StandardCharsets.UTF_8);
        return Http.get(url).map(Answer::body).orElse("no answer from " + url);
    }

    private LocalProcessTarget target(String work, Sandbox.Mode mode) {
        return track(new LocalProcessTarget(artifacts, new ProductRegistry(new InMemoryDeploymentStore()),
                ProcessProbe.system(), new StableProxies(vertx), Confined.settings(dir.resolve(work), mode)));
    }

    private LocalProcessTarget track(LocalProcessTarget target) {
        targets.add(target);
        return target;
    }

    private Release release(int version, String label) {
        return new Release("hostile", version, 1, artifacts.put(FixtureProducts.jar(label)), Slo.DEFAULT);
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try (Socket ignored = listener.accept()) {
                // a connection is all the probe asks for
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Optional<String> hostAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(ConfinedProductTest::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .map(InetAddress::getHostAddress).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (IOException e) {
            return false;
        }
    }
}
