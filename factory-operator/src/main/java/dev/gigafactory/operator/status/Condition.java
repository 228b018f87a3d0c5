package dev.gigafactory.operator.status;

import java.util.LinkedHashMap;
import java.util.Map;

/** One of the resource's conditions, in the Kubernetes shape ({@code True}/{@code False}, a reason, a message). */
public record Condition(String type, String status, String reason, String message, String lastTransitionTime,
        Long observedGeneration) {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("status", status);
        map.put("reason", reason);
        map.put("message", message == null ? "" : message);
        map.put("lastTransitionTime", lastTransitionTime);
        if (observedGeneration != null) {
            map.put("observedGeneration", observedGeneration);
        }
        return map;
    }

    static Condition fromMap(Map<?, ?> map) {
        Object generation = map.get("observedGeneration");
        return new Condition((String) map.get("type"), (String) map.get("status"), (String) map.get("reason"),
                (String) map.get("message"), (String) map.get("lastTransitionTime"),
                generation instanceof Number number ? number.longValue() : null);
    }
}
