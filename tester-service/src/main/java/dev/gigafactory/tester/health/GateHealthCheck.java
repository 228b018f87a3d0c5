package dev.gigafactory.tester.health;

import dev.gigafactory.tester.service.GateConditions;
import dev.gigafactory.tester.service.ReleaseGate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the gate can run a test: a working sandbox, a writable work dir with room on its disk, the store
 * holding the sources in hand. Down names why ("sandbox": "bubblewrap (bwrap) is not installed: ..."), and comes
 * back up by itself once fixed: the conditions are looked at again (at most once a second) on every call.
 */
@Readiness
@ApplicationScoped
public class GateHealthCheck implements HealthCheck {

    private final GateConditions conditions;

    public GateHealthCheck(ReleaseGate gate) {
        this.conditions = gate.conditions();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> problems = conditions.problems();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tester-gate").status(problems.isEmpty())
                .withData("freeDiskMib", conditions.freeDiskMib());
        problems.forEach(response::withData);
        return response.build();
    }
}
