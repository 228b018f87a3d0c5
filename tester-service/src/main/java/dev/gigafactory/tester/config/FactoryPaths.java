package dev.gigafactory.tester.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The shared factory directories: the artifact store, and this service's own scratch space. */
@ConfigMapping(prefix = "factory")
public interface FactoryPaths {

    @WithDefault(".factory/artifacts")
    Path artifactsDir();

    @WithDefault(".factory/work/tester-service")
    Path workDir();
}
