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
        return of(newSha256().digest(content));
    }

    /** A SHA-256 to feed piece by piece (a file too big to hold); {@link #of} gives its digest. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A finished SHA-256 in the one form: {@code sha256:<64 hex>}. */
    public static String of(byte[] sha256) {
        return PREFIX + HexFormat.of().formatHex(sha256);
    }

    public static boolean isValid(String digest) {
        return digest != null && digest.matches("sha256:[0-9a-f]{64}");
    }
}
