package dev.gigafactory.devstack.kafka;

import dev.gigafactory.contracts.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every topic of {@link Topics#ALL} with its partition count and waits until each partition has a leader. */
public final class TopicCatalog {

    private TopicCatalog() {
    }

    public static void createAll(String bootstrapServers, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            create(admin);
            awaitLeaders(admin, timeout);
        }
    }

    private static void create(Admin admin) {
        List<NewTopic> topics = Topics.ALL.stream()
                .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1)).toList();
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        });
    }

    private static void awaitLeaders(Admin admin, Duration timeout) {
        Set<String> names = Topics.ALL.stream().map(Topics.Topic::name).collect(Collectors.toSet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10,
                        TimeUnit.SECONDS);
                if (described.values().stream().allMatch(TopicCatalog::allLed)) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // metadata not propagated yet: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topics", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("catalog topics have no leaders after " + timeout);
            }
            sleep(100);
        }
    }

    private static boolean allLed(TopicDescription description) {
        return description.partitions().stream().allMatch(partition -> partition.leader() != null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
