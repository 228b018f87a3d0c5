package dev.gigafactory.contracts.events;

import dev.gigafactory.contracts.validation.Problem;
import java.time.Instant;
import java.util.List;

/**
 * A submitted document was refused, with every problem found. {@code spec} is the document's name when it could be
 * read, otherwise empty; a rejected document gets no version (0).
 */
public record SpecRejected(String spec, int version, int attempt, List<Problem> problems, Submission source,
        Instant rejectedAt) implements FactoryEvent {

    @Override
    public String discriminator() {
        return source.id();
    }
}
