package dev.gigafactory.coder.service;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.coder.service.llm.CallBudget;
import dev.gigafactory.coder.service.llm.ChatClient;
import dev.gigafactory.coder.service.llm.ChatException;
import dev.gigafactory.coder.service.llm.ChatMessage;
import dev.gigafactory.coder.service.llm.ChatReply;
import dev.gigafactory.coder.service.llm.HookCompiler;
import dev.gigafactory.coder.service.llm.HookPrompts;
import dev.gigafactory.coder.service.llm.HookReplyCheck;
import dev.gigafactory.coder.service.llm.LlmSettings;
import dev.gigafactory.coder.service.llm.RepairPrompts;
import dev.gigafactory.contracts.artifacts.ArtifactStore;
import dev.gigafactory.contracts.artifacts.SourceTree;
import dev.gigafactory.contracts.codec.Digests;
import dev.gigafactory.contracts.events.LedgerEntryRecorded;
import dev.gigafactory.contracts.events.PlanCreated;
import dev.gigafactory.contracts.events.PlanTask;
import dev.gigafactory.contracts.events.RepairEvidence;
import dev.gigafactory.stacks.jdkhttp.ProductModel;
import dev.gigafactory.stacks.spi.ProductStack;
import dev.gigafactory.stacks.spi.ProductStacks;
import dev.gigafactory.stacks.spi.RequirementsHooks;
import java.math.BigDecimal;
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
 * template writes everything, then the model is asked for the {@code Requirements} class (the product's hooks around
 * every operation) and any classes of domain logic it calls. A reply is used only if it passes {@link HookReplyCheck}
 * and the product compiles with it; a rejected reply is sent back with the reasons, a bounded number of times. When
 * no reply makes it (or no call can be made), the attempt fails with that reason: a product never ships without its
 * requirements. A repair plan's evidence (the failing steps, the log, the files written then) goes into the prompt,
 * and a reply whose product is exactly the code of a failed attempt is sent back too: building it again could not
 * pass. An incremental plan that touches neither the entities nor the requirements keeps the files the model wrote
 * for the base version, and asks nothing. Every stack offers the same hooks ({@link RequirementsHooks}: where the
 * class and its domain classes go, which of the product's files they compile with); a stack without them cannot hold
 * requirements: such a spec's attempt fails with that reason, and no model is asked.
 */
public final class LlmCodeAgent implements CodeAgent {

    public static final String NAME = "llm";
    static final String STAGE = "coder";
    private static final int FAILURE_CHARS = 1500;
    private static final String HOOK_TASK = PlanTask.Kind.REQUIREMENTS.wireName();

    private static final Logger LOG = Logger.getLogger(LlmCodeAgent.class);

    private final CodeAgent template;
    private final ChatClient client;
    private final LlmSettings settings;
    private final LedgerSink ledger;
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
        ProductStack stack = ProductStacks.of(plan.document());
        ProductModel product = stack.model(plan.document(), plan.version());
        Optional<RequirementsHooks> offered = stack.requirementsHooks(product);
        if (offered.isEmpty()) {
            // No class the model could write would run: the scaffold is kept to be read, and nothing ships.
            GeneratedSource scaffold = template.generate(plan, base);
            String why = "the spec states requirements in prose, and stack '" + stack.name() + "' has no hooks to "
                    + "implement them in";
            return scaffold.failedBy(NAME, scaffold.failed() ? why + "; " + scaffold.failure() : why);
        }
        RequirementsHooks hooks = offered.get();
        String packageName = product.packageName();
        GeneratedSource scaffold = template.generate(withHookTask(plan, base, hooks), base);
        if (!scaffold.tasks().contains(HOOK_TASK)) {
            // Neither the entities nor the requirements changed: the model's class for the base still holds.
            return scaffold.finishedBy(NAME, scaffold.tree());
        }
        RepairEvidence evidence = plan.evidence();
        String task = HookPrompts.task(plan.document())
                + (evidence == null ? "" : RepairPrompts.repair(evidence, previousCode(evidence, hooks)));
        List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.system(HookPrompts.system(packageName)),
                ChatMessage.user(task)));
        String failure = "no attempt was made";
        CallBudget budget = new CallBudget(plan.allowance(), settings);
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            int replyLimit = budget.replyLimit(conversation);
            if (replyLimit == 0) {
                failure = budget.exhausted();
                break;
            }
            ChatReply reply;
            long started = System.nanoTime();
            try {
                reply = client.complete(conversation, replyLimit);
            } catch (ChatException e) {
                failure = e.getMessage();
                break;
            }
            budget.spent(reply);
            account(plan, reply, budget.cost(reply), (System.nanoTime() - started) / 1_000_000);
            conversation.add(ChatMessage.assistant(reply.content()));
            Review review = review(reply.content(), packageName, hooks, scaffold, evidence);
            if (review.tree() != null) {
                LOG.infof("%s v%d: the model's requirements were accepted on try %d", plan.spec(), plan.version(),
                        attempt);
                return scaffold.finishedBy(NAME, review.tree());
            }
            failure = review.feedback();
            conversation.add(ChatMessage.user(review.feedback()));
        }
        return scaffold.failedBy(NAME, "no reply implemented the requirements: " + bounded(failure));
    }

    // The reason travels in events and the status API; a compiler's whole output does not belong there.
    private static String bounded(String text) {
        return text.length() <= FAILURE_CHARS ? text : text.substring(0, FAILURE_CHARS) + "…";
    }

    /**
     * The plan, with the hook's task added when the plan would keep a hook the model did not write: the base's hook
     * is the template's no-op (every try failed then, or no model wrote it), or there is no base.
     */
    private static PlanCreated withHookTask(PlanCreated plan, SourceTree base, RequirementsHooks hooks) {
        boolean planned = plan.tasks() != null && plan.tasks().stream()
                .anyMatch(task -> task != null && HOOK_TASK.equals(task.id()));
        boolean modelWroteIt = base != null && base.files().containsKey(hooks.requirementsPath())
                && !base.text(hooks.requirementsPath()).equals(hooks.template());
        if (planned || modelWroteIt) {
            return plan;
        }
        List<PlanTask> tasks = new ArrayList<>(plan.tasks() == null ? List.of() : plan.tasks());
        tasks.add(PlanTask.of(PlanTask.Kind.REQUIREMENTS, plan.spec()));
        return plan.withTasks(tasks);
    }

    /** A reply's verdict: the product's tree with the model's files when they are good, else what to tell it. */
    private record Review(SourceTree tree, String feedback) {
    }

    private static Review review(String reply, String packageName, RequirementsHooks hooks,
            GeneratedSource scaffold, RepairEvidence evidence) {
        HookReplyCheck.Result checked = HookReplyCheck.check(reply, packageName);
        if (!checked.accepted()) {
            return new Review(null, HookPrompts.rejected(checked.problems()));
        }
        SourceTree tree = withCode(scaffold, hooks, checked);
        if (evidence != null && evidence.failedDigests() != null) {
            // The digest the artifact store will give this tree (CodeGenerationService stores tree.pack()).
            String digest = Digests.sha256(tree.pack());
            int failed = evidence.failedDigests().indexOf(digest);
            if (failed >= 0) {
                return new Review(null, RepairPrompts.identical(evidence,
                        failed == evidence.failedDigests().size() - 1));
            }
        }
        List<String> errors = HookCompiler.errors(hooks.compilation(tree));
        if (!errors.isEmpty()) {
            return new Review(null, HookPrompts.compileErrors(errors));
        }
        return new Review(tree, null);
    }

    /** The files of the requirements task the failed attempt was built with, when its tree is still in the store. */
    private String previousCode(RepairEvidence evidence, RequirementsHooks hooks) {
        List<String> digests = evidence.failedDigests();
        if (store == null || digests == null || digests.isEmpty()) {
            return null;
        }
        try {
            Optional<byte[]> packed = store.get(digests.get(digests.size() - 1));
            return packed.map(SourceTree::unpack).map(tree -> requirementsFiles(tree, hooks)).orElse(null);
        } catch (RuntimeException e) {
            LOG.debugf(e, "the failed attempt's tree cannot be read; the prompt goes without its files");
            return null;
        }
    }

    private static String requirementsFiles(SourceTree tree, RequirementsHooks hooks) {
        StringBuilder files = new StringBuilder();
        hooks.agentFiles(tree)
                .forEach(path -> files.append("// ").append(path).append('\n').append(tree.text(path)).append('\n'));
        return files.isEmpty() ? null : files.toString();
    }

    // Only the hook's path and the domain package are written: the model cannot change another file.
    private static SourceTree withCode(GeneratedSource scaffold, RequirementsHooks hooks, HookReplyCheck.Result code) {
        Map<String, byte[]> files = new TreeMap<>(scaffold.tree().files());
        String hookPath = hooks.requirementsPath();
        if (files.put(hookPath, code.source().getBytes(StandardCharsets.UTF_8)) == null) {
            throw new IllegalStateException("the template wrote no " + hookPath);
        }
        code.domain().forEach((name, text) -> files.put(hooks.domainSource(name),
                text.getBytes(StandardCharsets.UTF_8)));
        return new SourceTree(files);
    }

    // Each call is money spent, a redelivered plan's calls too: a fresh id, never deduplicated away.
    private void account(PlanCreated plan, ChatReply reply, BigDecimal cost, long durationMs) {
        ledger.record(new LedgerEntryRecorded(plan.spec(), plan.version(), plan.attempt(), STAGE,
                UUID.randomUUID().toString(), reply.model(), reply.promptTokens(), reply.completionTokens(), cost,
                reply.estimated(), durationMs));
    }
}
