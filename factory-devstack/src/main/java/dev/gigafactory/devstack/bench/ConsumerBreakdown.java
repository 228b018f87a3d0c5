package dev.gigafactory.devstack.bench;

import dev.gigafactory.contracts.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each hop's time goes, from the services' own consumer timers ({@code gigafactory.consumer.wait}: the record's
 * send to the listener picking it up; {@code gigafactory.consumer.processing}: picking it up to done, publishing and
 * any bookkeeping after the publish included): the difference of two scrapes of every service's metrics.
 */
final class ConsumerBreakdown {

    /** A hop: the stage it reaches, and which service consumes which topic to get there. */
    record Hop(String stage, String service, String topic) {
    }

    static final List<Hop> HOPS = List.of(new Hop("accepted", "spec-intake-service", Topics.SPECS_SUBMITTED),
            new Hop("planned", "planner-service", Topics.SPECS_ACCEPTED),
            new Hop("coded", "coder-service", Topics.PLANS_CREATED),
            new Hop("tested", "tester-service", Topics.CODE_GENERATED),
            new Hop("deployed", "deployer-service", Topics.TESTS_COMPLETED));

    private static final Pattern SERIES = Pattern.compile(
            "(?m)^gigafactory_consumer_(wait|processing)_seconds_(count|sum)\\{[^}]*topic=\"([^\"]+)\"[^}]*} (\\S+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Double> values;

    private ConsumerBreakdown(Map<String, Double> values) {
        this.values = values;
    }

    /** Scrapes every service now; a service that does not answer contributes nothing. */
    static ConsumerBreakdown scrape(Map<String, URI> services) {
        Map<String, Double> values = new HashMap<>();
        services.forEach((service, url) -> {
            Matcher series = SERIES.matcher(metrics(url));
            while (series.find()) {
                values.merge(key(service, series.group(3), series.group(1), series.group(2)),
                        Double.parseDouble(series.group(4)), Double::sum);
            }
        });
        return new ConsumerBreakdown(values);
    }

    /** Mean milliseconds per record of {@code kind} (wait or processing) on the hop since {@code before}. */
    long meanMillis(ConsumerBreakdown before, Hop hop, String kind) {
        double count = delta(before, key(hop.service(), hop.topic(), kind, "count"));
        return count <= 0 ? -1 : Math.round(1000 * delta(before, key(hop.service(), hop.topic(), kind, "sum")) / count);
    }

    /** A markdown table: per hop, mean wait and mean processing since {@code before}. */
    String markdown(ConsumerBreakdown before) {
        StringBuilder md = new StringBuilder("| hop | consumer | waiting (send → picked up), mean | processing, mean |"
                + "\n| --- | --- | ---: | ---: |\n");
        for (Hop hop : HOPS) {
            md.append(String.format(Locale.ROOT, "| → %s | %s on `%s` | %s | %s |\n", hop.stage(), hop.service(),
                    hop.topic(), text(meanMillis(before, hop, "wait")), text(meanMillis(before, hop, "processing"))));
        }
        return md.toString();
    }

    private double delta(ConsumerBreakdown before, String key) {
        return values.getOrDefault(key, 0.0) - before.values.getOrDefault(key, 0.0);
    }

    private static String text(long millis) {
        return millis < 0 ? "—" : millis + " ms";
    }

    private static String key(String service, String topic, String kind, String aggregate) {
        return service + " " + topic + " " + kind + " " + aggregate;
    }

    private static String metrics(URI service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
