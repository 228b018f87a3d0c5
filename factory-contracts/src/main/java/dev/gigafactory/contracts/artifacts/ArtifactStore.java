package dev.gigafactory.contracts.artifacts;

import java.util.Optional;

/**
 * Content-addressed storage for what is too big to ride in an event (source trees, built jars): events carry the
 * sha256 digest, the claim check. Putting the same bytes twice is a no-op that returns the same digest.
 */
public interface ArtifactStore {

    String put(byte[] content);

    Optional<byte[]> get(String digest);

    boolean contains(String digest);
}
