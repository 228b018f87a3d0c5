package dev.gigafactory.intake.rest;

import dev.gigafactory.intake.config.IntakeConfig;
import dev.gigafactory.intake.domain.Stage;
import dev.gigafactory.intake.service.ConsoleViews;
import dev.gigafactory.intake.service.OverviewService;
import dev.gigafactory.intake.service.StageBroadcaster;
import dev.gigafactory.intake.service.StageChanged;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** What the console's pages (served at {@code /}) read besides the status API. */
@Path("/api/console")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private static final String NAME = "[a-z]([-a-z0-9]{0,38}[a-z0-9])?";

    private final OverviewService overviews;
    private final StageBroadcaster broadcaster;
    private final ConsoleViews.Settings settings;

    public ConsoleResource(OverviewService overviews, StageBroadcaster broadcaster, IntakeConfig config) {
        this.overviews = overviews;
        this.broadcaster = broadcaster;
        boolean guarded = config.apiKeys().orElse(List.of()).stream().anyMatch(key -> !key.isBlank());
        this.settings = new ConsoleViews.Settings(guarded, config.console().grafanaUrl().orElse(null),
                Arrays.stream(Stage.values()).map(Stage::wireName).toList());
    }

    /** Whether writes need a key (the submit page then asks for one), where Grafana is, the stages to filter by. */
    @GET
    public ConsoleViews.Settings settings() {
        return settings;
    }

    /** One spec: the newest version's pipeline and the history of every version, in one answer. */
    @GET
    @Path("specs/{name}")
    @WithSession
    public Uni<Response> overview(@PathParam("name") String name) {
        if (!name.matches(NAME)) {
            return Uni.createFrom().item(notFound(name));
        }
        return overviews.overview(name).map(overview -> overview == null
                ? notFound(name)
                : Response.ok(overview).build());
    }

    /** Every spec's stage changes as they happen: the list page follows them without reloading. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<StageChanged> events() {
        return broadcaster.all();
    }

    private static Response notFound(String name) {
        return Problems.of(404, "Not found", "no spec named '" + name + "'");
    }
}
