package dev.gigafactory.operator.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status subresource as the operator reads and writes it. */
public record SpecStatus(String stage, int version, String url, Long observedGeneration, String message,
        List<Condition> conditions) {

    public static final SpecStatus EMPTY = new SpecStatus(null, 0, null, null, null, List.of());

    public static SpecStatus fromMap(Object status) {
        if (!(status instanceof Map<?, ?> map)) {
            return EMPTY;
        }
        List<Condition> conditions = new ArrayList<>();
        if (map.get("conditions") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(c -> Condition.fromMap((Map<?, ?>) c))
                    .forEach(conditions::add);
        }
        Object version = map.get("version");
        Object generation = map.get("observedGeneration");
        return new SpecStatus((String) map.get("stage"), version instanceof Number n ? n.intValue() : 0,
                (String) map.get("url"), generation instanceof Number g ? g.longValue() : null,
                (String) map.get("message"), List.copyOf(conditions));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("stage", stage);
        map.put("version", version);
        map.put("url", url);
        map.put("observedGeneration", observedGeneration);
        map.put("message", message);
        map.put("conditions", conditions.stream().map(Condition::toMap).toList());
        return map;
    }

    public Condition condition(String type) {
        return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElse(null);
    }

    SpecStatus with(String stage, int version, String url, String message) {
        return new SpecStatus(stage, version, url, observedGeneration, message, conditions);
    }

    SpecStatus observed(long generation) {
        return new SpecStatus(stage, version, url, generation, message, conditions);
    }

    /** Sets a condition; its transition time moves only when its status does, so a replayed event changes nothing. */
    SpecStatus set(String type, boolean value, String reason, String text, Instant now) {
        String status = value ? "True" : "False";
        Condition old = condition(type);
        String since = old != null && old.status().equals(status) ? old.lastTransitionTime() : now.toString();
        Condition updated = new Condition(type, status, reason, text, since, observedGeneration);
        List<Condition> next = new ArrayList<>();
        for (String known : List.of(Condition.READY, Condition.PROGRESSING, Condition.DEGRADED)) {
            Condition current = known.equals(type) ? updated : condition(known);
            if (current != null) {
                next.add(current);
            }
        }
        return new SpecStatus(stage, version, url, observedGeneration, message, List.copyOf(next));
    }
}
