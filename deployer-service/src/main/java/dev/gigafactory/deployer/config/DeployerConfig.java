package dev.gigafactory.deployer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "deployer")
public interface DeployerConfig {

    /** How long a replaced or restarted product gets between SIGTERM and SIGKILL. */
    @WithDefault("10s")
    Duration stopGrace();

    /** How long a new version gets to print its port and answer /health before it counts as failed. */
    @WithDefault("60s")
    Duration readyTimeout();

    /**
     * Start products in their own session (setsid), so a Ctrl-C or a signal to the deployer's process group does not
     * take the products down with it.
     */
    @WithDefault("true")
    boolean detach();
}
