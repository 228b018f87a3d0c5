package dev.gigafactory.coder.rest;

import dev.gigafactory.coder.service.provenance.ProvenanceRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read-only: where a spec's provenance repository is (to {@code git clone} it) and its history, newest first. */
@Path("/api/repos")
@Produces(MediaType.APPLICATION_JSON)
public class ReposResource {

    /** The answer: the bare repository's path and its commits. */
    public record RepoView(String spec, String path, List<ProvenanceRepository.Commit> log) {
    }

    private final ProvenanceRepository provenance;

    public ReposResource(ProvenanceRepository provenance) {
        this.provenance = provenance;
    }

    @GET
    @Path("/{spec}")
    public RepoView repo(@PathParam("spec") String spec) {
        List<ProvenanceRepository.Commit> log;
        try {
            log = provenance.log(spec);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("not a spec name");
        }
        if (log.isEmpty()) {
            throw new NotFoundException("no code was generated for " + spec);
        }
        return new RepoView(spec, provenance.repositoryOf(spec).toString(), log);
    }
}
