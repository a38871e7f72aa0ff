package org.civcheck.web.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access control at run time: the access file (re-read when it changes, so {@code civcheck token
 * remove} takes effect without a restart), the tokens verified so far, and the login sessions of
 * the pages (random ids held in an HttpOnly, SameSite=Strict cookie).
 */
public final class Access {

    /** How long a page login lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private final Path file;
    private volatile AccessConfig config;
    private volatile FileTime loadedModified;
    /** sha256(token) → token id, for tokens already verified against the current file. */
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private record Session(String tokenId, Instant expires) {}

    private Access(Path file, AccessConfig config) {
        this.file = file;
        this.config = config;
        this.loadedModified = modified(file);
    }

    /** Access control from {@code file} (re-read when it changes). */
    public static Access fromFile(Path file) {
        return new Access(file, AccessConfig.load(file));
    }

    /** Access control with fixed tokens (tests). */
    public static Access of(AccessConfig config) {
        return new Access(null, config);
    }

    public AccessConfig config() {
        refresh();
        return config;
    }

    /** The principal of a bearer token, if the token is valid. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        AccessConfig current = config();
        String key = sha256(token.trim());
        String id = verified.get(key);
        if (id != null) {
            Optional<AccessEntry> entry = current.find(id);
            if (entry.isPresent()) {
                return entry.map(AccessEntry::principal);
            }
            verified.remove(key);
        }
        Optional<AccessEntry> entry = current.match(token.trim());
        entry.ifPresent(e -> {
            if (verified.size() > 10_000) {
                verified.clear();
            }
            verified.put(key, e.id());
        });
        return entry.map(AccessEntry::principal);
    }

    /** Starts a page session for a valid token; the session id to put in the cookie. */
    public Optional<String> login(String token) {
        return authenticate(token).map(p -> {
            pruneSessions();
            String sid = Tokens.random(32);
            sessions.put(sid, new Session(p.tokenId(), Instant.now().plus(SESSION_LIFETIME)));
            return sid;
        });
    }

    /** The principal of a live session whose token still exists. */
    public Optional<Principal> session(String sid) {
        if (sid == null || sid.isBlank()) {
            return Optional.empty();
        }
        Session s = sessions.get(sid);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expires().isBefore(Instant.now())) {
            sessions.remove(sid);
            return Optional.empty();
        }
        Optional<AccessEntry> entry = config().find(s.tokenId());
        if (entry.isEmpty()) {
            sessions.remove(sid);
        }
        return entry.map(AccessEntry::principal);
    }

    public void logout(String sid) {
        if (sid != null) {
            sessions.remove(sid);
        }
    }

    private void pruneSessions() {
        Instant now = Instant.now();
        sessions.values().removeIf(s -> s.expires().isBefore(now));
    }

    private void refresh() {
        if (file == null) {
            return;
        }
        FileTime now = modified(file);
        if (!java.util.Objects.equals(now, loadedModified)) {
            synchronized (this) {
                if (!java.util.Objects.equals(now, loadedModified)) {
                    try {
                        config = AccessConfig.load(file);
                    } catch (IllegalArgumentException e) {
                        // a half-edited file: keep the tokens known so far
                        return;
                    }
                    loadedModified = now;
                    verified.clear();
                }
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return file == null || !Files.exists(file) ? null : Files.getLastModifiedTime(file);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
