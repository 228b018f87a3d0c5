package dev.gigafactory.coder.service.provenance;

import dev.gigafactory.coder.domain.GeneratedSource;
import dev.gigafactory.contracts.events.PlanCreated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One bare git repository per spec ({@code <dir>/<spec>.git}) in which every generated version is a commit, so a
 * person can {@code git clone} a product and read how it came to be. Commits are written straight into the object
 * database (no working tree); a tree equal to the last commit's is not committed again.
 */
public final class ProvenanceRepository {

    public static final String AUTHOR = "Gigafactory coder";
    public static final String EMAIL = "coder@gigafactory.dev";

    // Spec names are DNS labels already; checked again because they become a directory name here.
    private static final Pattern SPEC_NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    /** One commit of a product's history, newest first in {@link #log}. */
    public record Commit(String id, String message) {
    }

    private final Path root;

    public ProvenanceRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path repositoryOf(String spec) {
        if (!SPEC_NAME.matcher(spec).matches()) {
            throw new IllegalArgumentException("not a spec name: " + spec);
        }
        return root.resolve(spec + ".git");
    }

    /** Commits the version's tree; the new commit's id, or empty when the tree is the one already at HEAD. */
    public synchronized Optional<String> record(PlanCreated plan, GeneratedSource source, String sourceDigest) {
        try (Repository repository = open(plan.spec()); ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId tree = writeTree(source.tree().files(), inserter);
            ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
            if (head != null && tree.equals(repository.parseCommit(head).getTree().getId())) {
                return Optional.empty();
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (head != null) {
                commit.setParentId(head);
            }
            PersonIdent author = new PersonIdent(AUTHOR, EMAIL);
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message(plan, source, sourceDigest));
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            moveHead(repository, head, id);
            return Optional.of(id.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec's history, newest first; empty when nothing was generated for it yet. */
    public synchronized List<Commit> log(String spec) {
        if (!Files.isDirectory(repositoryOf(spec))) {
            return List.of();
        }
        try (Repository repository = open(spec); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
            List<Commit> commits = new ArrayList<>();
            if (head != null) {
                walk.markStart(walk.parseCommit(head));
                for (RevCommit commit : walk) {
                    commits.add(new Commit(commit.getName(), commit.getFullMessage()));
                }
            }
            return commits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(PlanCreated plan, GeneratedSource source, String sourceDigest) {
        String kind = plan.kind() == null ? "unknown" : plan.kind().name().toLowerCase(Locale.ROOT);
        return plan.spec() + " v" + plan.version() + " attempt " + plan.attempt() + ": " + kind + " plan\n\n"
                + "Reason: " + (plan.reason() == null ? "none given" : plan.reason()) + "\n"
                + changes(plan)
                + "Tasks: " + String.join(", ", source.tasks()) + "\n"
                + kept(source)
                + "Agent: " + source.agent() + "\n"
                + "Stack: " + source.stack() + "\n"
                + "Source digest: " + sourceDigest + "\n";
    }

    private static String changes(PlanCreated plan) {
        return plan.changes() == null || plan.changes().isEmpty()
                ? ""
                : "Changes: " + plan.changes().stream().map(change -> change.change().name().toLowerCase(Locale.ROOT)
                        + " " + change.target() + " " + change.path()).collect(Collectors.joining(", ")) + "\n";
    }

    private static String kept(GeneratedSource source) {
        int files = source.tree().files().size();
        return source.baseDigest() == null
                ? ""
                : "Kept from: " + source.baseDigest() + " (" + (files - source.filesWritten()) + " of " + files
                        + " files)\n";
    }

    private Repository open(String spec) throws IOException {
        Path dir = repositoryOf(spec);
        Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        if (!Files.isDirectory(dir)) {
            repository.create(true);
        }
        return repository;
    }

    private static ObjectId writeTree(Map<String, byte[]> files, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(file.getKey().endsWith(".sh") ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private static void moveHead(Repository repository, ObjectId old, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(Constants.HEAD);
        update.setNewObjectId(id);
        update.setExpectedOldObjectId(old == null ? ObjectId.zeroId() : old);
        update.setRefLogMessage("gigafactory coder", false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException("could not move HEAD of " + repository.getDirectory() + ": " + result);
        }
    }
}
