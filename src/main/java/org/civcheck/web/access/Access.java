package org.civcheck.web.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.civcheck.store.SessionStore;

/**
 * Access control at run time: the access file (re-read when its content changes, so {@code
 * civcheck token remove} takes effect without a restart), and the login sessions of the pages
 * (random ids held in an HttpOnly, SameSite=Strict cookie). The service keeps sessions in its
 * database ({@link SessionStore}): a restart logs no one out, and every instance on the database
 * knows every session.
 */
public final class Access {

    /** How long a page login lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Live page sessions one token may hold; a new login beyond it ends the oldest. */
    static final int SESSIONS_PER_TOKEN = 20;

    private final Path file;
    private volatile AccessConfig config;
    /** SHA-256 of the access file's bytes when it was last loaded; null for none or no file. */
    private volatile String loadedDigest;
    private final Sessions sessions;

    private Access(Path file, AccessConfig config, Sessions sessions) {
        this.file = file;
        this.config = config;
        this.loadedDigest = digest(file);
        this.sessions = sessions;
    }

    /** Access control from {@code file} (re-read when it changes), its sessions in memory. */
    public static Access fromFile(Path file) {
        return new Access(file, AccessConfig.load(file), Sessions.inMemory());
    }

    /** Access control from {@code file}, its sessions kept in {@code store} (shared by every instance on it). */
    public static Access fromFile(Path file, SessionStore store) {
        return new Access(file, AccessConfig.load(file), Sessions.in(store));
    }

    /** Access control with fixed tokens (tests), its sessions in memory. */
    public static Access of(AccessConfig config) {
        return new Access(null, config, Sessions.inMemory());
    }

    /** Access control with fixed tokens, its sessions kept in {@code store}. */
    public static Access of(AccessConfig config, SessionStore store) {
        return new Access(null, config, Sessions.in(store));
    }

    public AccessConfig config() {
        refresh();
        return config;
    }

    /** The principal of a bearer token, if the token is valid: one hash and one lookup. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return config().match(token.trim()).map(AccessEntry::principal);
    }

    /** Starts a page session for a valid token; the session id to put in the cookie. */
    public Optional<String> login(String token) {
        return authenticate(token).map(p -> {
            String sid = Tokens.random(32);
            Instant now = Instant.now();
            sessions.add(sid, new SessionStore.Session(p.tokenId(), now, now.plus(SESSION_LIFETIME)), SESSIONS_PER_TOKEN);
            return sid;
        });
    }

    /** The principal of a live session whose token still exists. */
    public Optional<Principal> session(String sid) {
        if (sid == null || sid.isBlank()) {
            return Optional.empty();
        }
        Optional<SessionStore.Session> s = sessions.find(sid);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.get().expires().isBefore(Instant.now())) {
            sessions.remove(sid);
            return Optional.empty();
        }
        Optional<AccessEntry> entry = config().find(s.get().tokenId());
        if (entry.isEmpty()) {
            sessions.remove(sid);
        }
        return entry.map(AccessEntry::principal);
    }

    public void logout(String sid) {
        if (sid != null && !sid.isBlank()) {
            sessions.remove(sid);
        }
    }

    /** Live sessions now held (for tests and the status of the service). */
    int sessionCount() {
        return sessions.count();
    }

    /**
     * Re-reads the file when its bytes changed. The modification time alone is not enough: a copy
     * that keeps timestamps, or a coarse clock, would leave a removed token working.
     */
    private void refresh() {
        if (file == null) {
            return;
        }
        String now = digest(file);
        if (!Objects.equals(now, loadedDigest)) {
            synchronized (this) {
                if (!Objects.equals(now, loadedDigest)) {
                    try {
                        config = AccessConfig.load(file);
                    } catch (IllegalArgumentException e) {
                        // a half-edited file: keep the tokens known so far
                        return;
                    }
                    loadedDigest = now;
                }
            }
        }
    }

    private static String digest(Path file) {
        try {
            if (file == null || !Files.exists(file)) {
                return null;
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
