package dev.gigafactory.e2e.observability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gigafactory.contracts.acceptance.Deadline;
import dev.gigafactory.contracts.codec.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Prometheus running deploy/prometheus (its prometheus.yml and rules, scrape and evaluation intervals cut to
 * a second) against targets given here instead of the file_sd files fleet-targets.sh would write.
 */
final class LocalPrometheus implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Process process;
    private final URI base;
    private final Path log;

    private LocalPrometheus(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** @param services service name → base URL; products: spec name → base URL */
    static LocalPrometheus start(Path repo, Path dir, Map<String, String> services, Map<String, String> products)
            throws IOException, InterruptedException {
        copyConfiguration(repo.resolve("deploy/prometheus"), dir);
        writeTargets(dir.resolve("targets/services.json"), "service", services);
        writeTargets(dir.resolve("targets/products.json"), "product", products);
        int port = freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(Promtool.executable("prometheus").toString(),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port), log);
        prometheus.awaitReady();
        return prometheus;
    }

    /** The result vector of an instant query; fails on a query Prometheus rejects. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus rejected " + promql + ": " + answer);
        }
        return answer.path("data").path("result");
    }

    JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.read(response.body(), JsonNode.class);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        while (!deadline.passed() && process.isAlive()) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Prometheus did not become ready: " + log());
    }

    private static void copyConfiguration(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("rules"));
        Files.createDirectories(to.resolve("targets"));
        String config = Files.readString(from.resolve("prometheus.yml"))
                .replaceAll("(scrape_interval|evaluation_interval): \\S+", "$1: 1s")
                .replaceAll("refresh_interval: \\S+", "refresh_interval: 1s");
        Files.writeString(to.resolve("prometheus.yml"), config);
        try (Stream<Path> rules = Files.list(from.resolve("rules"))) {
            for (Path rule : rules.toList()) {
                Files.copy(rule, to.resolve("rules").resolve(rule.getFileName()));
            }
        }
    }

    private static void writeTargets(Path file, String label, Map<String, String> urls) throws IOException {
        List<Map<String, Object>> groups = urls.entrySet().stream()
                .map(e -> Map.<String, Object>of("targets", List.of(URI.create(e.getValue()).getAuthority()),
                        "labels", Map.of(label, e.getKey())))
                .toList();
        Files.writeString(file, Json.writeString(groups));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
