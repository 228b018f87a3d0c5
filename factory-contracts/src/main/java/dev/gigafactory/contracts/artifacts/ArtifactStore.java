package dev.gigafactory.contracts.artifacts;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed storage for what is too big to ride in an event (source trees, built jars): events carry the
 * sha256 digest, the claim check. Putting the same bytes twice is a no-op that returns the same digest. A built jar
 * may be tens of megabytes (a quarkus product's is ~50 MB): {@link #putFile} and {@link #open} stream it, so no
 * service holds one in its heap.
 */
public interface ArtifactStore {

    String put(byte[] content);

    /** Stores the file's bytes, read as a stream; the same digest as {@link #put} of those bytes. */
    String putFile(Path file);

    Optional<byte[]> get(String digest);

    /** The artifact's bytes as a stream (the caller closes it), or empty when the store does not have it. */
    Optional<InputStream> open(String digest);

    boolean contains(String digest);
}
