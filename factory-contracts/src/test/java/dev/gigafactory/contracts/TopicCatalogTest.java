package dev.gigafactory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One catalog: every topic a service's configuration or a deploy manifest names must be in it. */
class TopicCatalogTest {

    private static final Pattern TOPIC_SETTING = Pattern.compile("\\.(topic|topics|dead-letter-queue\\.topic)=(.+)");
    private static final Pattern FACTORY_TOPIC = Pattern.compile("\\bfactory\\.[a-z]+(\\.[a-z]+)*\\b");

    @Test
    void everyConfiguredTopicIsCatalogued() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path properties : files("application.properties")) {
            for (String line : Files.readAllLines(properties)) {
                Matcher setting = TOPIC_SETTING.matcher(line);
                if (setting.find()) {
                    for (String topic : setting.group(2).split(",")) {
                        if (!Topics.isCatalogued(topic.trim())) {
                            unknown.add(properties + ": " + topic.trim());
                        }
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyTopicInADeployManifestIsCatalogued() throws IOException {
        List<String> unknown = new ArrayList<>();
        Path deploy = Path.of("..", "deploy");
        if (Files.isDirectory(deploy)) {
            try (Stream<Path> manifests = Files.walk(deploy)) {
                for (Path manifest : manifests.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).toList()) {
                    Matcher topic = FACTORY_TOPIC.matcher(Files.readString(manifest));
                    while (topic.find()) {
                        if (!Topics.isCatalogued(topic.group()) && !topic.group().matches(".*\\.(ya?ml|json)")) {
                            unknown.add(manifest + ": " + topic.group());
                        }
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theCatalogNamesEachTopicOnce() {
        assertThat(Topics.ALL).extracting(Topics.Topic::name).doesNotHaveDuplicates();
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.partitions()).isPositive());
    }

    private static List<Path> files(String name) throws IOException {
        try (Stream<Path> all = Files.walk(Path.of(".."), 6)) {
            return all.filter(path -> path.getFileName().toString().equals(name))
                    .filter(path -> !path.toString().contains("/target/"))
                    .toList();
        }
    }
}
