package dev.gigafactory.coder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where every spec's git history of generated versions is kept. */
@ConfigMapping(prefix = "coder.provenance")
public interface ProvenanceConfig {

    @WithDefault("true")
    boolean enabled();

    /** Default {@code <factory.work-dir>/repos}. */
    Optional<Path> reposDir();
}
