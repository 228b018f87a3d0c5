package dev.gigafactory.contracts.events;

/**
 * One difference from the previous version. {@code target} is what changed (entity, field, operation, acceptance,
 * slo, replicas, description, requirements, stack, labels); {@code path} names it, e.g. {@code Todo.title}.
 */
public record SpecChange(Kind change, String target, String path) {

    public enum Kind {
        ADDED, REMOVED, CHANGED
    }

    public static SpecChange added(String target, String path) {
        return new SpecChange(Kind.ADDED, target, path);
    }

    public static SpecChange removed(String target, String path) {
        return new SpecChange(Kind.REMOVED, target, path);
    }

    public static SpecChange changed(String target, String path) {
        return new SpecChange(Kind.CHANGED, target, path);
    }
}
