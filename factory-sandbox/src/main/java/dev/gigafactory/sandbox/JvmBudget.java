package dev.gigafactory.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM options that keep a JVM's address space inside a jail's {@code ulimit -v}. A JVM reserves (not uses) far more
 * than its heap: by default a quarter of the machine's memory for the heap, 1 GiB for compressed class space and
 * 240 MiB for the code cache, so an unconfigured JVM does not even start under a 1-2 GiB limit. The heap gets about a
 * third of the limit; the fixed reservations are capped; the rest is for thread stacks, metaspace, mapped jars and
 * malloc.
 */
public record JvmBudget(long heapMegabytes, long classSpaceMegabytes, long codeCacheMegabytes) {

    private static final long MIB = 1024L * 1024;

    public static JvmBudget within(long addressSpaceBytes) {
        long megabytes = addressSpaceBytes / MIB;
        return new JvmBudget(Math.max(64, megabytes / 3), Math.max(32, Math.min(256, megabytes / 16)),
                Math.max(32, Math.min(128, megabytes / 16)));
    }

    public List<String> options() {
        return List.of("-Xmx" + heapMegabytes + "m", "-XX:CompressedClassSpaceSize=" + classSpaceMegabytes + "m",
                "-XX:ReservedCodeCacheSize=" + codeCacheMegabytes + "m", "-XX:MaxMetaspaceSize="
                        + (4 * classSpaceMegabytes) + "m",
                "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
    }

    /**
     * {@link #options()} for a product that serves for as long as it is deployed: without {@code -Xms} the JVM
     * commits a 64th of the machine's memory up front (up to the whole {@code -Xmx}), so the heap starts small, grows
     * with the data and gives back what a collection frees. A quarkus todo after 400 requests: 269 MB RSS without,
     * 172 MB with (docs/benchmarks.md); a build's JVMs keep {@link #options()}, where that would cost collections.
     */
    public List<String> productOptions() {
        List<String> product = new ArrayList<>(options());
        product.addAll(List.of("-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        return List.copyOf(product);
    }
}
