package org.civcheck.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.civcheck.store.Database;
import org.civcheck.store.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page sessions kept in the database: a restart logs no one out, and another instance on it knows them. */
class StoredSessionsTest {

    @TempDir
    Path dir;

    @Test
    void aLoginOutlivesARestartAndIsKnownToAnotherInstanceUntilLogout() {
        String url = "jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath();
        AccessConfig.Added added = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "u001");
        String sid;
        try (Database db = Database.open(url)) {
            sid = Access.of(added.config(), new SessionStore(db.dataSource())).login(added.token()).orElseThrow();
        }
        try (Database restarted = Database.open(url); Database other = Database.open(url)) {
            Access one = Access.of(added.config(), new SessionStore(restarted.dataSource()));
            Access two = Access.of(added.config(), new SessionStore(other.dataSource()));
            Principal unit = new Principal(added.entry().id(), AccessEntry.Role.UNIT, "u001");
            assertEquals(Optional.of(unit), one.session(sid), "the session outlives the restart");
            assertEquals(Optional.of(unit), two.session(sid), "another instance on the database knows it");
            assertEquals(Optional.empty(), two.session(sid + "x"));

            one.logout(sid);
            assertEquals(Optional.empty(), two.session(sid), "a logout on one instance ends it on the other");
        }
    }

    @Test
    void oneTokenHoldsAtMostTwentyStoredSessionsTheOldestGoingFirst() {
        AccessConfig.Added added = new AccessConfig(List.of()).add(AccessEntry.Role.AUTHOR, null);
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("cap").toAbsolutePath())) {
            Access access = Access.of(added.config(), new SessionStore(db.dataSource()));
            String first = access.login(added.token()).orElseThrow();
            String last = null;
            for (int i = 0; i < 30; i++) {
                last = access.login(added.token()).orElseThrow();
            }
            assertEquals(Access.SESSIONS_PER_TOKEN, access.sessionCount());
            assertEquals(Optional.empty(), access.session(first));
            assertTrue(access.session(last).isPresent());
        }
    }
}
