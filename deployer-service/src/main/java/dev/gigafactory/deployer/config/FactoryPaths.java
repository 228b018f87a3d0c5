package dev.gigafactory.deployer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The factory's shared directories: the artifact store (read by digest only) and this service's own work dir. */
@ConfigMapping(prefix = "factory")
public interface FactoryPaths {

    @WithDefault(".factory/artifacts")
    String artifactsDir();

    @WithDefault(".factory/work/deployer-service")
    String workDir();
}
