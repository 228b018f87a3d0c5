package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.ProductSources;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default code agent: writes the whole product from templates, offline and deterministically. The plan's tasks
 * do not change the output (an incremental plan regenerates everything, which is cheap), only its spec document and
 * version do; so the same plan always gives the same tree and digest.
 */
public final class TemplateCodeAgent implements CodeAgent {

    public static final String NAME = CodeGenerated.TEMPLATE_AGENT;
    public static final String STACK = "jdk-http";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratedSource generate(PlanCreated plan) {
        if (plan.document() == null || plan.document().metadata() == null) {
            throw new UnsafeSpecException(plan.spec(), List.of("the plan carries no spec document"));
        }
        if (!plan.document().name().equals(plan.spec())) {
            throw new UnsafeSpecException(plan.spec(),
                    List.of("the plan is for '" + plan.spec() + "' but its document is '" + plan.document().name()
                            + "'"));
        }
        ProductModel product = ProductModels.from(plan.document(), plan.version());
        Map<String, byte[]> files = new TreeMap<>();
        ProductSources.write(product).forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new GeneratedSource(new SourceTree(files), STACK, NAME);
    }
}
