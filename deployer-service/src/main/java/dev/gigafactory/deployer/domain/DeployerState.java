package dev.gigafactory.deployer.domain;

import java.util.List;
import java.util.Map;

/** The deployer's state file: enough to re-adopt its products after a restart and to drop replayed incidents. */
public record DeployerState(Map<String, SpecDeployments> specs, List<String> handledIncidents) {

    public static DeployerState empty() {
        return new DeployerState(Map.of(), List.of());
    }

    public Map<String, SpecDeployments> specs() {
        return specs == null ? Map.of() : specs;
    }

    public List<String> handledIncidents() {
        return handledIncidents == null ? List.of() : handledIncidents;
    }
}
