package dev.gigafactory.coder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The factory's shared places this service uses. */
@ConfigMapping(prefix = "factory")
public interface FactoryConfig {

    /** Root of the content-addressed artifact store, shared with the tester (env FACTORY_ARTIFACTS_DIR). */
    @WithDefault(".factory/artifacts")
    Path artifactsDir();

    /** This service's own state (env FACTORY_WORK_DIR): the specs' provenance repositories live under it. */
    @WithDefault(".factory/work/coder-service")
    Path workDir();
}
