package dev.gigafactory.operator.deploy;

import dev.gigafactory.operator.kafka.FactoryKafka;
import dev.gigafactory.operator.kafka.PipelineFollower;
import dev.gigafactory.contracts.topics.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each part of the factory reads and writes, taken from where it is decided: every service's
 * application.properties (its channels, consumer groups, dead-letter topic, datasource) and the operator's code.
 * The cluster's topics, users, ACLs and databases are generated from this, never written by hand.
 */
record Wiring(String name, Set<String> reads, Set<String> writes, Set<String> groups, String database,
        boolean artifacts, boolean clusterApi) {

    static final Path ROOT = Path.of("..");
    static final List<String> SERVICES = List.of("spec-intake-service", "planner-service", "coder-service",
            "tester-service", "deployer-service", "monitor-service");
    static final String OPERATOR = "factory-operator";

    private static final Pattern CHANNEL = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|topics|group\\.id|dead-letter-queue\\.topic)");
    private static final Pattern DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)");

    static List<Wiring> all() {
        List<Wiring> all = new ArrayList<>();
        SERVICES.forEach(service -> all.add(service(service)));
        all.add(new Wiring(OPERATOR, new TreeSet<>(Topics.PIPELINE), new TreeSet<>(FactoryKafka.TOPICS),
                new TreeSet<>(Set.of(PipelineFollower.GROUP)), null, false, true));
        return all;
    }

    static Wiring service(String service) {
        Properties properties = new Properties();
        try (Reader in = Files
                .newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (!channel.matches()) {
                continue;
            }
            List<String> values = List.of(properties.getProperty(key).split(",")).stream().map(String::trim).toList();
            switch (channel.group(2)) {
                case "group.id" -> groups.addAll(values);
                case "dead-letter-queue.topic" -> writes.addAll(values);
                default -> (channel.group(1).equals("incoming") ? reads : writes).addAll(values);
            }
        }
        Matcher database = DATABASE.matcher(properties.getProperty("quarkus.datasource.jdbc.url", ""));
        return new Wiring(service, reads, writes, groups, database.find() ? database.group(1) : null,
                properties.containsKey("factory.artifacts-dir"), service.equals("deployer-service"));
    }
}
