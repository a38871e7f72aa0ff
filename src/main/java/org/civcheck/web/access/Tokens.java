package org.civcheck.web.access;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Token generation (32 random bytes, base64url) and salted hashing (PBKDF2WithHmacSHA256). */
public final class Tokens {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Tokens are 256 random bits, so a modest work factor suffices; it bounds the cost per request. */
    public static final int ITERATIONS = 10_000;
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

    /** The base64 PBKDF2 hash of {@code token} with {@code salt} (base64). */
    public static String hash(String token, String salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(token.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256);
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** Whether {@code token} is the one {@code entry} was created for (constant-time comparison). */
    public static boolean matches(String token, AccessEntry entry) {
        if (token == null || token.isEmpty() || token.length() > 200 || entry.salt() == null || entry.hash() == null) {
            return false;
        }
        byte[] expected = entry.hash().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] actual = hash(token, entry.salt(), entry.iterations() > 0 ? entry.iterations() : ITERATIONS)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** A new salt: 16 random bytes, base64. */
    public static String newSalt() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
