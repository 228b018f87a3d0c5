package dev.gigafactory.e2e;

import dev.gigafactory.contracts.acceptance.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A fence for "the consumers have dealt with these records": every consumer group with a member assigned to a
 * record's partition has committed past it. Only then does "nothing new happened downstream" mean something.
 */
public final class GroupOffsets {

    private GroupOffsets() {
    }

    /** Waits until every group consuming each partition has committed beyond the given offset on it. */
    public static void awaitCommittedPast(String bootstrap, Map<TopicPartition, Long> offsets, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Deadline deadline = Deadline.after(timeout);
            List<String> behind = behind(admin, offsets);
            while (!behind.isEmpty()) {
                if (deadline.passed()) {
                    throw new AssertionError("consumers did not move past " + offsets + " within " + timeout + ": "
                            + behind);
                }
                pause();
                behind = behind(admin, offsets);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** "group on topic-partition at committed < needed" for each group still short of its partition's mark. */
    private static List<String> behind(Admin admin, Map<TopicPartition, Long> offsets) {
        try {
            List<String> groups = new ArrayList<>();
            for (GroupListing listing : admin.listGroups().all().get()) {
                groups.add(listing.groupId());
            }
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
            List<String> behind = new ArrayList<>();
            for (ConsumerGroupDescription group : described.values()) {
                Collection<TopicPartition> assigned = group.members().stream()
                        .flatMap(m -> m.assignment().topicPartitions().stream()).toList();
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                offsets.forEach((tp, offset) -> {
                    OffsetAndMetadata at = committed.get(tp);
                    if (assigned.contains(tp) && (at == null || at.offset() <= offset)) {
                        behind.add(group.groupId() + " on " + tp + " at " + (at == null ? "none" : at.offset())
                                + " < " + (offset + 1));
                    }
                });
            }
            return behind;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read consumer group offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
