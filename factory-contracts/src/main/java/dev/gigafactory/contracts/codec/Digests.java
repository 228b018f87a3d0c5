package dev.gigafactory.contracts.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests in the one form every event and store uses: {@code sha256:<64 hex>}. */
public final class Digests {

    public static final String PREFIX = "sha256:";

    private Digests() {
    }

    public static String sha256(byte[] content) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static boolean isValid(String digest) {
        return digest != null && digest.matches("sha256:[0-9a-f]{64}");
    }
}
