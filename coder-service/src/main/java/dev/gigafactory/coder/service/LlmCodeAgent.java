package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.ChatException;
import dev.gigafactory.coder.service.llm.ChatMessage;
import dev.gigafactory.coder.service.llm.ChatReply;
import dev.gigafactory.coder.service.llm.HookCompiler;
import dev.gigafactory.coder.service.llm.HookPrompts;
import dev.gigafactory.coder.service.llm.HookReplyCheck;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.service.llm.RepairPrompts;
import dev.gigafactory.coder.service.llm.TokenBudget;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.jdkhttp.ProductModels;
import dev.gigafactory.stacks.jdkhttp.RequirementsWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the behaviour a spec states in prose ({@code spec.requirements}) inside the template's product: the
 * template writes everything, then the model is asked for the one {@code Requirements} class. A reply is used only
 * if it passes {@link HookReplyCheck} and the product compiles with it; a rejected reply is sent back with the
 * reasons, a bounded number of times. When no reply makes it, the product keeps the template's no-op hook. A repair
 * plan's evidence (the failing steps, the log, the class written then) goes into the prompt, and a reply whose
 * product is exactly the code of a failed attempt is sent back too: building it again could not pass. An incremental
 * plan that touches neither the entities nor the requirements keeps the class the model wrote for the base version,
 * and asks nothing.
 */
public final class LlmCodeAgent implements CodeAgent {

    public static final String NAME = "llm";
    public static final String FALLBACK = "llm+template-fallback";
    static final String STAGE = "coder";
    private static final String HOOK_TASK = PlanTask.Kind.REQUIREMENTS.wireName();

    private static final Logger LOG = Logger.getLogger(LlmCodeAgent.class);

    private final CodeAgent template;
    private final ChatClient client;
    private final LlmSettings settings;
    private final LedgerSink ledger;
    private final TokenBudget budget;
    private final ArtifactStore store;

    public LlmCodeAgent(CodeAgent template, ChatClient client, LlmSettings settings, LedgerSink ledger) {
        this(template, client, settings, ledger, null);
    }

    /** @param store where failed attempts' trees are, to show the model its earlier class; null for none */
    public LlmCodeAgent(CodeAgent template, ChatClient client, LlmSettings settings, LedgerSink ledger,
            ArtifactStore store) {
        this.template = template;
        this.client = client;
        this.settings = settings;
        this.ledger = ledger;
        this.budget = new TokenBudget(settings.maxTokensPerVersion());
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GeneratedSource generate(PlanCreated plan, SourceTree base) {
        String requirements = plan.document() == null ? null : plan.document().spec().requirements();
        if (requirements == null || requirements.isBlank()) {
            return template.generate(plan, base); // nothing in prose: the template's product is the whole answer
        }
        ProductModel product = ProductModels.from(plan.document(), plan.version());
        String packageName = product.packageName();
        String hookPath = product.mainSource(RequirementsWriter.CLASS_NAME);
        GeneratedSource scaffold = template.generate(withHookTask(plan, base, product, hookPath), base);
        if (!scaffold.tasks().contains(HOOK_TASK)) {
            // Neither the entities nor the requirements changed: the model's class for the base still holds.
            return scaffold.finishedBy(NAME, scaffold.tree());
        }
        RepairEvidence evidence = plan.evidence();
        String task = HookPrompts.task(plan.document())
                + (evidence == null ? "" : RepairPrompts.repair(evidence, previousHook(evidence, hookPath)));
        List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.system(HookPrompts.system(packageName)),
                ChatMessage.user(task)));
        String failure = "no attempt was made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (budget.exhausted(plan.spec(), plan.version())) {
                failure = "the token budget of " + settings.maxTokensPerVersion() + " for this version is spent ("
                        + budget.spent(plan.spec(), plan.version()) + ")";
                break;
            }
            ChatReply reply;
            long started = System.nanoTime();
            try {
                reply = client.complete(conversation);
            } catch (ChatException e) {
                failure = e.getMessage();
                break;
            }
            account(plan, reply, (System.nanoTime() - started) / 1_000_000);
            conversation.add(ChatMessage.assistant(reply.content()));
            Review review = review(reply.content(), packageName, hookPath, scaffold, evidence);
            if (review.code() != null) {
                LOG.infof("%s v%d: the model's Requirements class was accepted on try %d", plan.spec(),
                        plan.version(), attempt);
                return scaffold.finishedBy(NAME, withHook(scaffold, hookPath, review.code()));
            }
            failure = review.feedback();
            conversation.add(ChatMessage.user(review.feedback()));
        }
        LOG.warnf("%s v%d: falling back to the template's no-op Requirements class: %s", plan.spec(), plan.version(),
                failure);
        return scaffold.finishedBy(FALLBACK, scaffold.tree());
    }

    /**
     * The plan, with the hook's task added when the plan would keep a hook the model did not write: the base's hook
     * is the template's no-op (every try failed then, or no model wrote it), or there is no base.
     */
    private static PlanCreated withHookTask(PlanCreated plan, SourceTree base, ProductModel product,
            String hookPath) {
        boolean planned = plan.tasks() != null && plan.tasks().stream()
                .anyMatch(task -> task != null && HOOK_TASK.equals(task.id()));
        boolean modelWroteIt = base != null && base.files().containsKey(hookPath)
                && !base.text(hookPath).equals(RequirementsWriter.write(product));
        if (planned || modelWroteIt) {
            return plan;
        }
        List<PlanTask> tasks = new ArrayList<>(plan.tasks() == null ? List.of() : plan.tasks());
        tasks.add(PlanTask.of(PlanTask.Kind.REQUIREMENTS, plan.spec()));
        return new PlanCreated(plan.spec(), plan.version(), plan.attempt(), plan.kind(), plan.document(), tasks,
                plan.changes(), plan.reason(), plan.evidence(), plan.baseDigest());
    }

    /** A reply's verdict: the hook's code when it is good, else what to tell the model. */
    private record Review(String code, String feedback) {
    }

    private static Review review(String reply, String packageName, String hookPath, GeneratedSource scaffold,
            RepairEvidence evidence) {
        HookReplyCheck.Result checked = HookReplyCheck.check(reply, packageName);
        if (!checked.accepted()) {
            return new Review(null, HookPrompts.rejected(checked.problems()));
        }
        SourceTree tree = withHook(scaffold, hookPath, checked.source());
        if (evidence != null && evidence.failedDigests() != null) {
            // The digest the artifact store will give this tree (CodeGenerationService stores tree.pack()).
            String digest = Digests.sha256(tree.pack());
            int failed = evidence.failedDigests().indexOf(digest);
            if (failed >= 0) {
                return new Review(null, RepairPrompts.identical(evidence,
                        failed == evidence.failedDigests().size() - 1));
            }
        }
        List<String> errors = HookCompiler.errors(tree.files());
        if (!errors.isEmpty()) {
            return new Review(null, HookPrompts.compileErrors(errors));
        }
        return new Review(checked.source(), null);
    }

    /** The class the failed attempt was built with, when its tree is still in the store. */
    private String previousHook(RepairEvidence evidence, String hookPath) {
        List<String> digests = evidence.failedDigests();
        if (store == null || digests == null || digests.isEmpty()) {
            return null;
        }
        try {
            Optional<byte[]> packed = store.get(digests.get(digests.size() - 1));
            return packed.map(SourceTree::unpack).filter(tree -> tree.files().containsKey(hookPath))
                    .map(tree -> tree.text(hookPath)).orElse(null);
        } catch (RuntimeException e) {
            LOG.debugf(e, "the failed attempt's tree cannot be read; the prompt goes without its class");
            return null;
        }
    }

    // Only the hook's path is written: whatever the model says, it cannot add, remove or change another file.
    private static SourceTree withHook(GeneratedSource scaffold, String hookPath, String code) {
        Map<String, byte[]> files = new TreeMap<>(scaffold.tree().files());
        if (files.put(hookPath, code.getBytes(StandardCharsets.UTF_8)) == null) {
            throw new IllegalStateException("the template wrote no " + hookPath);
        }
        return new SourceTree(files);
    }

    private void account(PlanCreated plan, ChatReply reply, long durationMs) {
        budget.add(plan.spec(), plan.version(), reply.totalTokens());
        ledger.record(new LedgerEntryRecorded(plan.spec(), plan.version(), plan.attempt(), STAGE,
                UUID.randomUUID().toString(), reply.model(), reply.promptTokens(), reply.completionTokens(),
                cost(reply), reply.estimated(), durationMs));
    }

    private BigDecimal cost(ChatReply reply) {
        BigDecimal prompt = settings.promptPricePer1kTokens().multiply(BigDecimal.valueOf(reply.promptTokens()));
        BigDecimal completion = settings.completionPricePer1kTokens()
                .multiply(BigDecimal.valueOf(reply.completionTokens()));
        return prompt.add(completion).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
    }
}
