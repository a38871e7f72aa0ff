package org.civcheck.web.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token generation (32 random bytes, base64url) and hashing (SHA-256).
 *
 * <p>A token is 256 random bits, not a password: no one can search that space, so a slow,
 * salted hash adds nothing and costs a full key derivation per request. With SHA-256 the
 * service looks a token up in one step, and a flood of wrong tokens costs it next to nothing.
 */
public final class Tokens {

    public static final String ALGORITHM = "SHA-256";
    /** Longer "tokens" are not ours; they are refused before hashing. */
    static final int MAX_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new secret: 32 bytes from SecureRandom, base64url without padding (43 characters). */
    public static String newToken() {
        return random(32);
    }

    /** {@code n} random bytes, base64url without padding. */
    public static String random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of {@code token}, as the access file keeps it. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(ALGORITHM).digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
