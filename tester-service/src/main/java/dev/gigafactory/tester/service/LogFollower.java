package dev.gigafactory.tester.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what a log has gained since the last look, keeping a bounded tail so a line split across reads is whole. */
final class LogFollower {

    private static final int CHUNK = 64 * 1024;
    private static final int CARRY = 512;

    private final Path log;
    private long position;
    private String carry = "";

    LogFollower(Path log) {
        this.log = log;
    }

    /** The unread text, preceded by the end of what was read before. */
    String newText() {
        if (!Files.exists(log)) {
            return carry;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(position);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            int read = channel.read(buffer);
            if (read <= 0) {
                return carry;
            }
            position += read;
            String text = carry + new String(buffer.array(), 0, read, StandardCharsets.UTF_8);
            carry = text.length() > CARRY ? text.substring(text.length() - CARRY) : text;
            return text;
        } catch (IOException e) {
            return carry;
        }
    }
}
