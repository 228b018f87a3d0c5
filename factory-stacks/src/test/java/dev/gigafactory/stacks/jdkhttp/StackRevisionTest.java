package dev.gigafactory.stacks.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.codec.Digests;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The revision covers every class and template of the stack, and the stack-neutral classes it uses (those directly in
 * {@code dev.gigafactory.stacks}): a change to any of them gives another revision.
 */
class StackRevisionTest {

    @Test
    void coversEveryClassAndTemplateOfTheStack() throws IOException, URISyntaxException {
        Path classes = Path.of(ProductTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path stack = classes.resolve("dev/gigafactory/stacks/jdkhttp");
        Set<String> built;
        try (Stream<Path> files = Files.walk(stack)) {
            built = files.filter(Files::isRegularFile).map(file -> classes.relativize(file).toString())
                    .filter(name -> !name.matches(".*/StackRevision(\\$.*)?\\.class"))
                    .collect(Collectors.toCollection(HashSet::new));
        }
        try (Stream<Path> files = Files.list(classes.resolve("dev/gigafactory/stacks"))) {
            files.filter(Files::isRegularFile).forEach(file -> built.add(classes.relativize(file).toString()));
        }

        assertThat(StackRevision.resources()).containsExactlyInAnyOrderElementsOf(built);
        assertThat(Digests.isValid(StackRevision.current())).as(StackRevision.current()).isTrue();
    }
}
