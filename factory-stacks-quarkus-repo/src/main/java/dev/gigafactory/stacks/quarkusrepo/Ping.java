package dev.gigafactory.stacks.quarkusrepo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource, so the build goes through the same REST processing a product's does. Never run. */
@Path("/ping")
public class Ping {

    @GET
    public String ping() {
        return "pong";
    }
}
