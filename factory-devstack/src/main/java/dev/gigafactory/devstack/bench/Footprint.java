package dev.gigafactory.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Memory of a process, or of a group of them: resident ({@code Rss}, what {@code ps} shows) and proportional
 * ({@code Pss}: each shared page divided among the processes that map it, so a sum over processes counts it once).
 */
record Footprint(long rssKb, long pssKb) {

    static final Footprint NONE = new Footprint(0, 0);

    /** From {@code /proc/<pid>/smaps_rollup}; nothing for a process that is gone (or not on Linux). */
    static Footprint of(long pid) {
        long rss = 0;
        long pss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Rss:")) {
                    rss = kb(line);
                } else if (line.startsWith("Pss:")) {
                    pss = kb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        return new Footprint(rss, pss);
    }

    static Footprint sum(Collection<Footprint> parts) {
        return parts.stream().reduce(NONE, Footprint::plus);
    }

    Footprint plus(Footprint other) {
        return new Footprint(rssKb + other.rssKb, pssKb + other.pssKb);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
