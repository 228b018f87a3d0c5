package dev.gigafactory.contracts.spec;

import dev.gigafactory.contracts.events.SpecChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The structured change list between two versions of a spec: what makes incremental planning possible. */
public final class SpecDiff {

    private SpecDiff() {
    }

    public static List<SpecChange> between(ServiceSpec previous, ServiceSpec next) {
        List<SpecChange> changes = new ArrayList<>();
        if (previous == null) {
            next.spec().entities().forEach(entity -> changes.add(SpecChange.added("entity", entity.name())));
            next.spec().acceptance().forEach(c -> changes.add(SpecChange.added("acceptance", c.name())));
            return changes;
        }
        ServiceDefinition before = previous.normalized().spec();
        ServiceDefinition after = next.normalized().spec();
        compareEntities(before.entities(), after.entities(), changes);
        compareNamed("acceptance", "", before.acceptance(), after.acceptance(), AcceptanceCase::name, changes);
        scalar("slo", "slo", before.slo(), after.slo(), changes);
        scalar("replicas", "replicas", before.replicas(), after.replicas(), changes);
        scalar("stack", "stack", before.stack(), after.stack(), changes);
        scalar("description", "description", before.description(), after.description(), changes);
        scalar("requirements", "requirements", before.requirements(), after.requirements(), changes);
        scalar("labels", "labels", previous.normalized().metadata().labels(), next.normalized().metadata().labels(),
                changes);
        return changes;
    }

    private static void compareEntities(List<EntitySpec> before, List<EntitySpec> after, List<SpecChange> changes) {
        Map<String, EntitySpec> old = byName(before, EntitySpec::name);
        Map<String, EntitySpec> now = byName(after, EntitySpec::name);
        old.keySet().stream().filter(name -> !now.containsKey(name))
                .forEach(name -> changes.add(SpecChange.removed("entity", name)));
        for (EntitySpec entity : after) {
            EntitySpec was = old.get(entity.name());
            if (was == null) {
                changes.add(SpecChange.added("entity", entity.name()));
                continue;
            }
            scalar("entity", entity.name() + ".plural", was.plural(), entity.plural(), changes);
            compareNamed("operation", entity.name() + ".", was.operations(), entity.operations(),
                    Operation::wireName, changes);
            compareNamed("field", entity.name() + ".", was.fields(), entity.fields(), FieldSpec::name, changes);
            if (!commonOrder(was.fields(), entity.fields(), FieldSpec::name)) {
                changes.add(SpecChange.changed("entity", entity.name())); // its fields' order: the record's shape
            }
        }
        List<String> moved = new ArrayList<>(old.keySet());
        moved.retainAll(now.keySet());
        List<String> order = new ArrayList<>(now.keySet());
        order.retainAll(old.keySet());
        // The order of the entities shapes every file that lists them; each entity that moved counts as changed.
        for (int i = 0; i < order.size(); i++) {
            if (!order.get(i).equals(moved.get(i))) {
                changes.add(SpecChange.changed("entity", order.get(i)));
            }
        }
    }

    /** Whether the items both lists have come in the same order in each. */
    private static <T> boolean commonOrder(List<T> before, List<T> after, Function<T, String> name) {
        List<String> was = new ArrayList<>(before.stream().map(name).toList());
        List<String> now = new ArrayList<>(after.stream().map(name).toList());
        was.retainAll(now);
        now.retainAll(was);
        return was.equals(now);
    }

    private static <T> void compareNamed(String target, String prefix, List<T> before, List<T> after,
            Function<T, String> name, List<SpecChange> changes) {
        Map<String, T> old = byName(before, name);
        Map<String, T> now = byName(after, name);
        old.keySet().stream().filter(key -> !now.containsKey(key))
                .forEach(key -> changes.add(SpecChange.removed(target, prefix + key)));
        now.forEach((key, value) -> {
            if (!old.containsKey(key)) {
                changes.add(SpecChange.added(target, prefix + key));
            } else if (!Objects.equals(old.get(key), value)) {
                changes.add(SpecChange.changed(target, prefix + key));
            }
        });
    }

    private static void scalar(String target, String path, Object before, Object after, List<SpecChange> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(before == null
                    ? SpecChange.added(target, path)
                    : after == null ? SpecChange.removed(target, path) : SpecChange.changed(target, path));
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        return map;
    }
}
