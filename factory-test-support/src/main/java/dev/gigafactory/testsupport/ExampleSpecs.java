package dev.gigafactory.testsupport;

import dev.gigafactory.contracts.spec.ServiceSpec;
import dev.gigafactory.contracts.validation.SpecValidator;
import dev.gigafactory.contracts.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Specs as a user hands them in: the repository's examples (examples/specs) and a module's own test specs
 * (src/test/resources/specs), read from the module's directory and validated as the intake validates them.
 */
public final class ExampleSpecs {

    private static final SpecValidator VALIDATOR = new SpecValidator();

    private ExampleSpecs() {
    }

    /** Where an example spec is, e.g. {@code todo.yaml}: found from any module of the repository. */
    public static Path path(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples").resolve("specs").resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no examples/specs/" + file + " above " + Path.of("").toAbsolutePath());
    }

    /** The example's bytes, as a user would publish them. */
    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's text. */
    public static String text(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** The example, validated. */
    public static ServiceSpec example(String file) {
        return valid(file, bytes(file));
    }

    /** The example under another name, so each test has a spec of its own on a shared broker. */
    public static ServiceSpec renamed(String file, String name) {
        return parse(renamedText(file, name));
    }

    /** The example's text with its {@code metadata.name} replaced. */
    public static String renamedText(String file, String name) {
        String original = example(file).name();
        String text = text(file);
        String renamed = text.replaceFirst("(?m)^(\\s+name:\\s*)" + Pattern.quote(original) + "[ \\t]*$",
                "$1" + Matcher.quoteReplacement(name));
        if (renamed.equals(text)) {
            // metadata: { name: memos }
            renamed = text.replaceFirst("(?m)^(metadata:\\s*\\{\\s*name:\\s*)" + Pattern.quote(original)
                    + "(\\s*[,}])", "$1" + Matcher.quoteReplacement(name) + "$2");
        }
        if (renamed.equals(text)) {
            throw new IllegalArgumentException(file + " has no 'name: " + original + "' line to rename");
        }
        return renamed;
    }

    /** A spec under the module's src/test/resources/specs. */
    public static ServiceSpec testSpec(String file) {
        Path path = Path.of("src", "test", "resources", "specs", file);
        try {
            return valid(path.toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec written in the test, validated. */
    public static ServiceSpec parse(String yaml) {
        return valid("the test's spec", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static ServiceSpec valid(String source, byte[] bytes) {
        ValidationResult result = VALIDATOR.validate(bytes);
        if (!result.isValid()) {
            throw new IllegalArgumentException(source + " is not a valid spec: " + result.problems());
        }
        return result.spec();
    }
}
