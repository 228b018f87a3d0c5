package dev.gigafactory.deployer.rest;

import dev.gigafactory.deployer.domain.DeploymentRecord;
import dev.gigafactory.deployer.domain.SpecDeployments;
import dev.gigafactory.deployer.service.ProductRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Read-only view for people and tools: what runs where. Changes only ever come through events. */
@Path("/api/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final ProductRegistry registry;

    public DeploymentResource(ProductRegistry registry) {
        this.registry = registry;
    }

    @GET
    public Map<String, SpecDeployments> list() {
        return new TreeMap<>(registry.snapshot());
    }

    /** Every start of the spec's versions, oldest first, with how each ended and why. */
    @GET
    @Path("/{spec}/history")
    public List<DeploymentRecord> history(@PathParam("spec") String spec) {
        return registry.history(spec);
    }
}
