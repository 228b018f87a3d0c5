package dev.gigafactory.planner.rest;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.planner.domain.StoredPlan;
import dev.gigafactory.planner.domain.VersionBudget;
import dev.gigafactory.planner.repository.BudgetRepository;
import dev.gigafactory.planner.repository.PlanRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Read-only: what the planner decided for a spec version and what it has spent, for people and tests. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanRepository plans;
    private final BudgetRepository budgets;

    public PlanResource(PlanRepository plans, BudgetRepository budgets) {
        this.plans = plans;
        this.budgets = budgets;
    }

    @GET
    @Path("/{spec}/versions/{version}")
    public Uni<VersionView> version(@PathParam("spec") String spec, @PathParam("version") int version) {
        return Panache.withSession(() -> plans.forVersion(spec, version)
                .chain(rows -> budgets.find(spec, version).chain(budget -> budgets.latestPassed(spec, version)
                        .map(digest -> view(spec, version, rows, budget, digest)))));
    }

    private static VersionView view(String spec, int version, List<StoredPlan> rows, VersionBudget budget,
            String passedDigest) {
        List<PlanView> planViews = rows.stream().map(row -> new PlanView(row.attempt, row.kind, row.reason,
                Arrays.stream(Json.read(row.tasks, TaskId[].class)).map(TaskId::id).toList(), row.createdAt))
                .toList();
        return new VersionView(spec, version, budget.tokensUsed(), budget.costUsd(),
                budget.abandoned() ? "failed" : "planning",
                budget.abandonedBudget(), budget.abandonedReason(), passedDigest, planViews);
    }

    /** @param passedSourceDigest the code the latest passing attempt was built from: the next version's base */
    public record VersionView(String spec, int version, long tokensUsed, BigDecimal costUsd, String state,
            String abandonedBudget,
            String abandonedReason, String passedSourceDigest, List<PlanView> plans) {
    }

    // Only the id: rows written before the task kinds were what they are now still read.
    private record TaskId(String id) {
    }

    public record PlanView(int attempt, String kind, String reason, List<String> tasks, Instant createdAt) {
    }
}
