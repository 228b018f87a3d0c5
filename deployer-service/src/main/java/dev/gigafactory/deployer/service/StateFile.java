package dev.gigafactory.deployer.service;

import dev.gigafactory.contracts.codec.Json;
import dev.gigafactory.deployer.domain.DeployerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.logging.Logger;

/** The deployer's state as one small JSON file, replaced atomically so a crash never leaves half a file. */
public final class StateFile {

    private static final Logger LOG = Logger.getLogger(StateFile.class);

    private final Path file;

    public StateFile(Path file) {
        this.file = file;
    }

    public DeployerState read() {
        if (!Files.exists(file)) {
            return DeployerState.empty();
        }
        try {
            return Json.mapper().readValue(file.toFile(), DeployerState.class);
        } catch (IOException e) {
            // An unreadable file must not keep the deployer down: it starts empty and new verdicts rebuild it.
            LOG.warnf("ignoring unreadable deployer state %s: %s", file, e.getMessage());
            return DeployerState.empty();
        }
    }

    public void write(DeployerState state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".state-", ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write deployer state " + file, e);
        }
    }

    public Path path() {
        return file;
    }
}
