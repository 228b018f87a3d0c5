package dev.gigafactory.tester.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gigafactory.contracts.artifacts.LocalArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.TestsCompleted;
import dev.gigafactory.sandbox.Sandbox;
import dev.gigafactory.tester.Fixtures;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile products in the real bubblewrap sandbox: what they try to reach (the factory's files, another product's
 * workspace, the tester's secrets, the network) must be denied, during their unit tests and at start, while the gate
 * still gives a verdict. Products that flood their output or spin forever are stopped with a reason.
 */
class SandboxIT {

    @TempDir
    Path root;

    private LocalArtifactStore store;
    private ServerSocketChannel hostPort;
    private List<String> targets;

    @BeforeEach
    void factoryWithSecrets() throws IOException {
        store = new LocalArtifactStore(root.resolve("artifacts"));
        store.put("a stored artifact".getBytes(StandardCharsets.UTF_8));
        Path config = Files.createDirectories(root.resolve("config")).resolve("application.properties");
        Files.writeString(config, "FACTORY_SECRET=hunter2\n");
        Path other = Files.createDirectories(root.resolve("work/runs/other-v1-a1-1234/data")).resolve("journal");
        Files.writeString(other, "another product's data\n");
        hostPort = ServerSocketChannel.open().bind(new InetSocketAddress("0.0.0.0", 0));
        hostPort.configureBlocking(false);
        int port = hostPort.socket().getLocalPort();
        // Each probe must succeed outside the sandbox (probesSucceedOutsideTheSandbox), so a denial inside is the
        // sandbox's doing, not a typo or a target that was never there: no probe of a host on the internet.
        targets = new ArrayList<>(List.of("read " + config, "list " + root.resolve("artifacts"), "read " + other,
                "write " + root.resolve("artifacts/planted"),
                "read " + Path.of("../pom.xml").toAbsolutePath().normalize(), "env FACTORY_SECRET",
                "env AWS_SECRET_ACCESS_KEY", "tcp 127.0.0.1:" + port, "datadir allowed-proof"));
        Stream.of("list /root", "read /etc/shadow").filter(probe -> Files.isReadable(Path.of(probe.split(" ")[1])))
                .forEach(targets::add);
        nonLoopbackAddress().ifPresent(address -> targets.add("tcp " + address + ":" + port));
    }

    @AfterEach
    void close() throws IOException {
        hostPort.close();
    }

    @Test
    void deniesEveryEscapeDuringTheProductsUnitTests() throws IOException {
        TestsCompleted verdict = gate(sandboxed()).test(code(escape(true)));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo("unit tests failed: exit code: expected 0 but was 2");
        assertDenied(verdict.logExcerpt(), "test");
    }

    @Test
    void deniesEveryEscapeWhenTheProductStarts() throws IOException {
        TestsCompleted verdict = gate(sandboxed()).test(code(escape(false)));

        assertThat(verdict.failure())
                .isEqualTo("the product did not start: the product exited with code 3 before it was listening");
        assertDenied(verdict.logExcerpt(), "start");
    }

    @Test
    void withoutTheSandboxTheSameProductReadsTheFactorysFiles() {
        TestsCompleted verdict = gate(sandboxed().withSandbox(Sandbox.Mode.NONE)).test(code(escape(true)));

        assertThat(verdict.logExcerpt()).as("the probe can see a leak: this test can fail")
                .contains("test LEAKED: read " + root.resolve("config/application.properties"));
    }

    @Test
    void probesSucceedOutsideTheSandbox() throws Exception {
        String report = EscapeControl.run(escape(false), root.resolve("control"), Map.of("FACTORY_SECRET", "hunter2",
                "AWS_SECRET_ACCESS_KEY", "AKIAFAKEFAKEFAKE"));

        for (String target : targets) {
            String outcome = target.contains("allowed-") ? " allowed: " : " LEAKED: ";
            assertThat(report).as(report).contains("start" + outcome + target + " -> ");
        }
        assertThat(hostPort.accept()).as("the probe reached the tester's port").isNotNull();
    }

    @Test
    void waitsWhileBubblewrapIsMissingAndRunsInTheSandboxOnceItIsInstalled() throws IOException {
        Path bwrap = root.resolve("bin/bwrap");
        GateSettings settings = sandboxed();
        ChildProcesses processes = new ChildProcesses(Sandbox.of(Sandbox.Mode.BWRAP, settings.limits(),
                root.resolve("work/sandbox"), bwrap.toString()), System.getenv());
        ReleaseGate gate = new ReleaseGate(store, settings, processes);
        CodeGenerated code = code(escape(true));

        assertThatThrownBy(() -> gate.test(code)).isInstanceOfSatisfying(GateUnavailableException.class,
                outage -> assertThat(outage.reason()).startsWith("bubblewrap (bwrap) is not installed"));
        assertThat(gate.conditions().problems()).containsKey("sandbox");

        Files.createSymbolicLink(Files.createDirectories(bwrap.getParent()).resolve("bwrap"),
                Path.of("/usr/bin/bwrap"));
        await().atMost(Duration.ofSeconds(30)).until(() -> gate.conditions().problems().isEmpty());
        TestsCompleted verdict = gate.test(code);

        assertThat(verdict.failure()).isEqualTo("unit tests failed: exit code: expected 0 but was 2");
        assertDenied(verdict.logExcerpt(), "test");
    }

    @Test
    void stopsAProductThatFloodsItsOutput() {
        GateSettings settings = sandboxed()
                .withLimits(Sandbox.Limits.defaults().withOutputBytes(1024 * 1024));

        TestsCompleted verdict = gate(settings).test(code(Fixtures.tree("flood")));

        assertThat(verdict.failure()).isEqualTo(
                "the product did not start: the product wrote more than 1 MiB of output and was stopped");
        assertThat(verdict.logExcerpt()).contains("flood flood");
        assertThat(verdict.artifactDigest()).isNull();
    }

    @Test
    void stopsUnitTestsThatBurnCpuForever() {
        GateSettings settings = sandboxed().withLimits(Sandbox.Limits.defaults().withCpu(Duration.ofSeconds(2)));

        TestsCompleted verdict = gate(settings).test(code(Fixtures.tree("spin")));

        assertThat(verdict.failure())
                .isEqualTo("unit tests failed: stopped: used up its CPU-time limit of 2 s");
    }

    private void assertDenied(String log, String phase) throws IOException {
        for (String target : targets) {
            String outcome = target.contains("allowed-") ? " allowed: " : " denied: ";
            assertThat(log).as(log).contains(phase + outcome + target);
        }
        assertThat(log).doesNotContain("LEAKED", "hunter2", "another product's data");
        assertThat(hostPort.accept()).as("nothing reached the tester's port").isNull();
        assertThat(root.resolve("artifacts/planted")).doesNotExist();
    }

    private GateSettings sandboxed() {
        return GateSettings.defaults(root.resolve("work")).withStartTimeout(Duration.ofSeconds(20));
    }

    private ReleaseGate gate(GateSettings settings) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("FACTORY_SECRET", "hunter2");
        env.put("AWS_SECRET_ACCESS_KEY", "AKIAFAKEFAKEFAKE");
        Sandbox sandbox = Sandbox.of(settings.sandbox(), settings.limits(), root.resolve("work/sandbox"));
        return new ReleaseGate(store, settings, new ChildProcesses(sandbox, env));
    }

    private SourceTree escape(boolean withUnitTests) {
        Map<String, byte[]> files = new TreeMap<>(Fixtures.tree("escape").files());
        files.put("src/main/resources/targets.txt", String.join("\n", targets).getBytes(StandardCharsets.UTF_8));
        if (!withUnitTests) {
            files.put("gigafactory-product.properties", "main-class=escape.Main\n".getBytes(StandardCharsets.UTF_8));
        }
        return new SourceTree(files);
    }

    private CodeGenerated code(SourceTree tree) {
        return Fixtures.codeGenerated(store.put(tree.pack()), 1);
    }

    private static java.util.Optional<String> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress).findFirst();
    }
}
