package dev.gigafactory.deployer.rest;

import dev.gigafactory.contracts.artifacts.ArtifactStore;
import jakarta.ws.rs.GET;
import java.io.InputStream;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The tested artifacts, by digest, for the product pods of the Kubernetes target: their init container fetches
 * {@code /api/artifacts/<sha256 hex>} and checks the digest itself, so this serves bytes and nothing else.
 */
@Path("/api/artifacts")
public class ArtifactResource {

    private final ArtifactStore artifacts;

    public ArtifactResource(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    @GET
    @Path("/{hex: [0-9a-f]{64}}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public InputStream artifact(@PathParam("hex") String hex) {
        // streamed: a quarkus product's jar is ~50 MB, more than the deployer's heap should hold per request
        return artifacts.open("sha256:" + hex).orElseThrow(() -> new NotFoundException("no artifact " + hex));
    }
}
