package dev.gigafactory.deployer.testing;

import dev.gigafactory.deployer.service.LocalProcessTarget;
import dev.gigafactory.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Local-target settings for tests: the deployer's sandbox (or none, for a control), short grace and ready times. */
public final class Confined {

    private Confined() {
    }

    /** Products under {@code work}, detached with setsid as in production, confined the way {@code mode} says. */
    public static LocalProcessTarget.Settings settings(Path work, Sandbox.Mode mode) {
        return settings(work, mode, Duration.ofSeconds(5));
    }

    /** The same with a longer ready timeout, for products that take more than a moment to start (Quarkus). */
    public static LocalProcessTarget.Settings settings(Path work, Sandbox.Mode mode, Duration readyTimeout) {
        Path state = work.resolveSibling(work.getFileName() + "-sandbox");
        Sandbox sandbox = Sandbox.of(mode, Sandbox.Limits.defaults().withCpu(Duration.ZERO), state);
        return new LocalProcessTarget.Settings(work, Duration.ofSeconds(2), readyTimeout, List.of("setsid"),
                sandbox);
    }
}
