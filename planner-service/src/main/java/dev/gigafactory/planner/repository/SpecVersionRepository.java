package dev.gigafactory.planner.repository;

import dev.gigafactory.planner.domain.StoredVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Accepted versions are written here and read back through {@link VersionStateRepository}. */
@ApplicationScoped
public class SpecVersionRepository implements PanacheRepository<StoredVersion> {
}
