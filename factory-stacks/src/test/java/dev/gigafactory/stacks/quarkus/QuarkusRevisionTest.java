package dev.gigafactory.stacks.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigafactory.contracts.codec.Digests;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The revision covers every class and template of the stack: a change to any of them gives another revision. */
class QuarkusRevisionTest {

    @Test
    void coversEveryClassAndTemplateOfTheStack() throws IOException, URISyntaxException {
        Path classes = Path.of(QuarkusStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> built;
        try (Stream<Path> files = Files.walk(classes.resolve("dev/gigafactory/stacks/quarkus"))) {
            built = files.filter(Files::isRegularFile).map(file -> classes.relativize(file).toString())
                    .filter(name -> !name.matches(".*/QuarkusRevision(\\$.*)?\\.class"))
                    .collect(Collectors.toSet());
        }

        assertThat(QuarkusRevision.resources()).containsExactlyInAnyOrderElementsOf(built);
        assertThat(Digests.isValid(QuarkusRevision.current())).as(QuarkusRevision.current()).isTrue();
    }
}
