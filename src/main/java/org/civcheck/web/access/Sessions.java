package org.civcheck.web.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civcheck.store.SessionStore;

/**
 * Where the login sessions of the pages are kept: in the database when the service has one (every
 * instance sees them, a restart keeps them), in memory for an {@link Access} without one (tests).
 */
interface Sessions {

    /** Keeps a new session, holding {@code tokenId} to {@code perToken} live sessions with it. */
    void add(String sid, SessionStore.Session session, int perToken);

    Optional<SessionStore.Session> find(String sid);

    void remove(String sid);

    int count();

    static Sessions in(SessionStore store) {
        return new Sessions() {
            @Override
            public void add(String sid, SessionStore.Session session, int perToken) {
                store.add(sid, session, perToken);
            }

            @Override
            public Optional<SessionStore.Session> find(String sid) {
                return store.find(sid);
            }

            @Override
            public void remove(String sid) {
                store.remove(sid);
            }

            @Override
            public int count() {
                return store.count();
            }
        };
    }

    /** Sessions of this process only. */
    static Sessions inMemory() {
        Map<String, SessionStore.Session> sessions = new ConcurrentHashMap<>();
        return new Sessions() {
            @Override
            public synchronized void add(String sid, SessionStore.Session session, int perToken) {
                Instant now = session.created();
                sessions.values().removeIf(s -> s.expires().isBefore(now));
                List<Map.Entry<String, SessionStore.Session>> own = new ArrayList<>();
                sessions.entrySet().stream().filter(e -> e.getValue().tokenId().equals(session.tokenId())).forEach(own::add);
                if (own.size() >= perToken) {
                    own.sort(Comparator.comparing(e -> e.getValue().created()));
                    own.subList(0, own.size() - perToken + 1).forEach(e -> sessions.remove(e.getKey()));
                }
                sessions.put(sid, session);
            }

            @Override
            public Optional<SessionStore.Session> find(String sid) {
                return Optional.ofNullable(sessions.get(sid));
            }

            @Override
            public void remove(String sid) {
                sessions.remove(sid);
            }

            @Override
            public int count() {
                return sessions.size();
            }
        };
    }
}
