package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.events.CodeGenerated;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.spec.ServiceDefinition;
import dev.gigafactory.stacks.jdkhttp.UnsafeSpecException;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.ProductStacks;
import dev.gigafactory.stacks.spi.StackTree;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The default code agent: runs the plan's tasks with the templates of the stack the spec names ({@code spec.stack},
 * found in {@link ProductStacks}), offline and deterministically, and keeps the files of every other task from the
 * plan's base tree (see {@link ProductStack#write}). The same plan and base always
 * give the same tree and digest, and an incremental plan gives the tree a full plan of the same version gives. Each
 * run is a ledger entry like a model call: no tokens, no cost, its time.
 */
public final class TemplateCodeAgent implements CodeAgent {

    public static final String NAME = CodeGenerated.TEMPLATE_AGENT;
    /** The stack of a spec that names none. */
    public static final String STACK = ServiceDefinition.DEFAULT_STACK;

    private static final Logger LOG = Logger.getLogger(TemplateCodeAgent.class);

    private final LedgerSink ledger;

    /** An agent whose runs go on no ledger (tools and tests). */
    public TemplateCodeAgent() {
        this(entry -> {
        });
    }

    public TemplateCodeAgent(LedgerSink ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratedSource generate(PlanCreated plan, SourceTree base) {
        if (plan.document() == null || plan.document().metadata() == null) {
            throw new UnsafeSpecException(plan.spec(), List.of("the plan carries no spec document"));
        }
        if (!plan.document().name().equals(plan.spec())) {
            throw new UnsafeSpecException(plan.spec(),
                    List.of("the plan is for '" + plan.spec() + "' but its document is '" + plan.document().name()
                            + "'"));
        }
        ProductStack stack = ProductStacks.of(plan.document());
        long started = System.nanoTime();
        StackTree planned = stack.write(plan, stack.model(plan.document(), plan.version()), base);
        if (planned.everyTaskBecause() != null) {
            LOG.infof("%s v%d attempt %d: every task runs, as %s", plan.spec(), plan.version(), plan.attempt(),
                    planned.everyTaskBecause());
        }
        // One id per attempt: a redelivered plan runs the template again, but it is the same free call.
        ledger.record(new LedgerEntryRecorded(plan.spec(), plan.version(), plan.attempt(), LlmCodeAgent.STAGE, NAME,
                NAME, 0, 0, BigDecimal.ZERO, false, (System.nanoTime() - started) / 1_000_000));
        return new GeneratedSource(planned.tree(), stack.name(), NAME, planned.tasks(), planned.filesWritten(),
                planned.baseDigest(), planned.failure());
    }
}
