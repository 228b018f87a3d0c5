package dev.gigafactory.devstack.launcher;

import java.util.Locale;
import java.util.function.Consumer;

/** Progress lines stamped with the time since the fleet began starting. */
final class Progress {

    private final Consumer<String> out;
    private final long started = System.nanoTime();

    Progress(Consumer<String> out) {
        this.out = out;
    }

    void say(String line) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.accept(String.format(Locale.ROOT, "[%5.1fs] %s", seconds, line));
    }
}
