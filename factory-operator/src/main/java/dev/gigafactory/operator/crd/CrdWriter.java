package dev.gigafactory.operator.crd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the CRD as YAML: {@code java -cp ... CrdWriter deploy/kubernetes/base/crds/servicespecs.gigafactory.dev.yaml}.
 * The checked-in file is compared with {@link #yaml()} by a test, so it cannot drift from the contracts' schema.
 */
public final class CrdWriter {

    public static final String HEADER = "# Generated from factory-contracts' servicespec-v1alpha1.schema.json by "
            + "dev.gigafactory.operator.crd.CrdWriter: do not edit by hand.\n";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build());

    private CrdWriter() {
    }

    public static String yaml() {
        try {
            return HEADER + YAML.writeValueAsString(ServiceSpecCrd.definition());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CRD", e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path target = Path
                .of(args.length > 0 ? args[0] : "deploy/kubernetes/base/crds/servicespecs.gigafactory.dev.yaml");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, yaml());
    }
}
