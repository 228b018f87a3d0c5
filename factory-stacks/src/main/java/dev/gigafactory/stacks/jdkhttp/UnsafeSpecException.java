package dev.gigafactory.stacks.jdkhttp;

import dev.gigafactory.messaging.PoisonRecord;
import java.util.List;

/**
 * The spec cannot be turned into code safely (a name that would not compile or would clash, a constraint that does
 * not fit its field). Intake validation should have refused it; the coder checks again because it is the one putting
 * these names into source code.
 */
public class UnsafeSpecException extends RuntimeException implements PoisonRecord {

    private final List<String> problems;

    public UnsafeSpecException(String spec, List<String> problems) {
        super("refusing to generate code for spec '" + spec + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
