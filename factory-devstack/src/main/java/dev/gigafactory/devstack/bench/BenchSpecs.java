package dev.gigafactory.devstack.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;

/** The specs a bench publishes: copies of the todo example, renamed, on another stack, one for each partition. */
final class BenchSpecs {

    static final String QUARKUS = "quarkus";

    private static final Pattern NAME = Pattern.compile("(?m)^(\\s+name:\\s*)todo\\s*$");
    private static final Pattern STACK = Pattern.compile("(?m)^(\\s+stack:\\s*)jdk-http\\s*$");

    private BenchSpecs() {
    }

    /** The todo spec on the quarkus stack. */
    static byte[] onQuarkus(byte[] todo) {
        Matcher matcher = STACK.matcher(new String(todo, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalArgumentException("the todo spec has no 'stack: jdk-http' line to change");
        }
        return matcher.replaceFirst("$1" + QUARKUS).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One spec per partition of the intake topic (every pipeline topic has as many, and a key lands on the same
     * partition of each), so each consumer has met each of its partitions before anything is timed.
     */
    static List<String> warmUpNames(String prefix, int partitions) {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 0; byPartition.size() < partitions; i++) {
            String name = prefix + "w" + i;
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(name.getBytes(StandardCharsets.UTF_8)))
                    % partitions, name);
        }
        return List.copyOf(byPartition.values());
    }

    /** The todo spec under another name. */
    static byte[] renamed(byte[] todo, String name) {
        Matcher matcher = NAME.matcher(new String(todo, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalArgumentException("the todo spec has no 'name: todo' line to rename");
        }
        return matcher.replaceFirst("$1" + name).getBytes(StandardCharsets.UTF_8);
    }
}
