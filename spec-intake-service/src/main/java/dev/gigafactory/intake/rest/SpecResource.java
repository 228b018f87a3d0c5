package dev.gigafactory.intake.rest;

import dev.gigafactory.contracts.events.Submission;
import dev.gigafactory.intake.config.IntakeConfig;
import dev.gigafactory.intake.domain.Stage;
import dev.gigafactory.intake.service.ProblemLines;
import dev.gigafactory.intake.service.RetryOutcome;
import dev.gigafactory.intake.service.RetryService;
import dev.gigafactory.intake.service.StageBroadcaster;
import dev.gigafactory.intake.service.SpecViews;
import dev.gigafactory.intake.service.StageChanged;
import dev.gigafactory.intake.service.StatusQueryService;
import dev.gigafactory.intake.service.SubmissionOutcome;
import dev.gigafactory.intake.service.SubmissionService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The front door over HTTP, and the status of every spec. */
@Path("/api/specs")
@Produces(MediaType.APPLICATION_JSON)
public class SpecResource {

    private static final String NAME = "[a-z]([-a-z0-9]{0,38}[a-z0-9])?";

    private final SubmissionService submissions;
    private final RetryService retries;
    private final StatusQueryService status;
    private final StageBroadcaster broadcaster;
    private final IntakeConfig config;

    public SpecResource(SubmissionService submissions, RetryService retries, StatusQueryService status,
            StageBroadcaster broadcaster, IntakeConfig config) {
        this.submissions = submissions;
        this.retries = retries;
        this.status = status;
        this.broadcaster = broadcaster;
        this.config = config;
    }

    /** A YAML or JSON ServiceSpec; the body size limit is enforced by the HTTP layer before anything is parsed. */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Uni<Response> submit(byte[] document) {
        Submission source = Submission.fromRest(UUID.randomUUID().toString());
        return submissions.submit(document, source).map(outcome -> answer(outcome, document));
    }

    private static Response answer(SubmissionOutcome outcome, byte[] document) {
        if (outcome instanceof SubmissionOutcome.Accepted accepted) {
            return Response.accepted(new SpecViews.Submitted(accepted.name(), accepted.version(),
                    statusUrl(accepted.name()), null, null, null, null)).build();
        }
        if (outcome instanceof SubmissionOutcome.Unchanged unchanged) {
            return Response.ok(new SpecViews.Submitted(unchanged.name(), unchanged.version(),
                    statusUrl(unchanged.name()), true, unchanged.message(), unchanged.stage(),
                    SpecViews.RetryHint.of(unchanged.name(), unchanged.failure())))
                    .build();
        }
        return Problems.invalidSpec(((SubmissionOutcome.Rejected) outcome).problems(), ProblemLines.of(document));
    }

    /** Builds the newest version again, unchanged, with a fresh budget: only once it has failed for good. */
    @POST
    @Path("{name}/retry")
    public Uni<Response> retry(@PathParam("name") String name) {
        if (!name.matches(NAME)) {
            return Uni.createFrom().item(notFound(name));
        }
        return retries.retry(name, Submission.fromRest(UUID.randomUUID().toString())).map(SpecResource::answer);
    }

    private static Response answer(RetryOutcome outcome) {
        if (outcome instanceof RetryOutcome.Retried retried) {
            return Response.accepted(new SpecViews.Retrying(retried.name(), retried.version(), retried.retry(),
                    statusUrl(retried.name()))).build();
        }
        if (outcome instanceof RetryOutcome.Refused refused) {
            return Problems.of(409, "Nothing to retry", refused.why());
        }
        return notFound(((RetryOutcome.NoSuchSpec) outcome).name());
    }

    @GET
    @WithSession
    public Uni<Response> list(@QueryParam("stage") String stage, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") Integer size) {
        if (stage != null && Arrays.stream(Stage.values()).noneMatch(s -> s.wireName().equals(stage))) {
            return Uni.createFrom().item(Problems.of(400, "Unknown stage", "stage must be one of "
                    + Arrays.stream(Stage.values()).map(Stage::wireName).toList()));
        }
        int pageSize = size == null ? config.defaultPageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > config.maxPageSize()) {
            return Uni.createFrom().item(Problems.of(400, "Bad paging",
                    "page must be ≥ 0 and size between 1 and " + config.maxPageSize()));
        }
        return status.list(stage, page, pageSize).map(items -> Response.ok(new SpecViews.Page(items, page, pageSize))
                .build());
    }

    @GET
    @Path("{name}")
    @WithSession
    public Uni<Response> get(@PathParam("name") String name) {
        if (!name.matches(NAME)) {
            return Uni.createFrom().item(notFound(name));
        }
        return status.newest(name).map(detail -> detail == null ? notFound(name) : Response.ok(detail).build());
    }

    @GET
    @Path("{name}/versions/{version}")
    @WithSession
    public Uni<Response> version(@PathParam("name") String name, @PathParam("version") int version) {
        if (!name.matches(NAME)) {
            return Uni.createFrom().item(notFound(name));
        }
        return status.version(name, version).map(detail -> detail == null
                ? Problems.of(404, "Not found", "spec '" + name + "' has no version " + version)
                : Response.ok(detail).build());
    }

    /** Stage changes of one spec as they happen. */
    @GET
    @Path("{name}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StageChanged> events(@PathParam("name") String name) {
        return broadcaster.changesOf(name);
    }

    private static Response notFound(String name) {
        return Problems.of(404, "Not found", "no spec named '" + name + "'");
    }

    private static String statusUrl(String name) {
        return "/api/specs/" + name;
    }
}
