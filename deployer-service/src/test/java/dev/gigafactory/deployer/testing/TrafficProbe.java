package dev.gigafactory.deployer.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Client threads hammering one URL until stopped, counting answers by body and every failure (not a 200). */
public final class TrafficProbe implements AutoCloseable {

    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> samples = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private TrafficProbe() {
    }

    public static TrafficProbe hammer(String url, int clients) {
        TrafficProbe probe = new TrafficProbe();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> probe.run(http, request), "traffic-" + i);
            probe.threads.add(thread);
            thread.start();
        }
        return probe;
    }

    private void run(HttpClient http, HttpRequest request) {
        while (running) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    answers.computeIfAbsent(response.body(), body -> new AtomicLong()).incrementAndGet();
                } else {
                    fail(response.statusCode() + " " + response.body());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                fail(e.toString());
            }
        }
    }

    private void fail(String sample) {
        failures.incrementAndGet();
        if (samples.size() < 10) {
            samples.add(sample);
        }
    }

    public long answers(String body) {
        AtomicLong count = answers.get(body);
        return count == null ? 0 : count.get();
    }

    public int failures() {
        return failures.get();
    }

    public List<String> failureSamples() {
        return List.copyOf(samples);
    }

    /** Lets every request in flight finish, then returns. */
    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(15_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
