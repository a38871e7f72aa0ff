package org.civcheck.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access file at run time: tokens, their removal, page sessions. */
class AccessTest {

    @TempDir
    Path dir;

    @Test
    void aTokenIsFoundByItsHashAndTheFileKeepsNoSecret() throws Exception {
        AccessConfig.Added added = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "u001");
        Path file = dir.resolve("access.json");
        added.config().save(file);

        String text = Files.readString(file);
        assertTrue(!text.contains(added.token()), "the token itself is never stored");
        assertTrue(text.contains(Tokens.hash(added.token())));
        Access access = Access.fromFile(file);
        assertEquals(Optional.of(new Principal(added.entry().id(), AccessEntry.Role.UNIT, "u001")),
                access.authenticate(added.token()));
        assertEquals(Optional.empty(), access.authenticate(added.token() + "x"));
        assertEquals(Optional.empty(), access.authenticate("x".repeat(10_000)));
    }

    @Test
    void aRemovedTokenStopsWorkingEvenWhenTheFileKeepsItsModificationTime() throws Exception {
        AccessConfig.Added one = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "u001");
        AccessConfig.Added two = one.config().add(AccessEntry.Role.UNIT, "u002");
        Path file = dir.resolve("access.json");
        two.config().save(file);
        FileTime time = Files.getLastModifiedTime(file);
        Access access = Access.fromFile(file);
        String sid = access.login(one.token()).orElseThrow();
        assertTrue(access.authenticate(one.token()).isPresent());

        two.config().remove(one.entry().id()).orElseThrow().save(file);
        Files.setLastModifiedTime(file, time);

        assertEquals(Optional.empty(), access.authenticate(one.token()));
        assertEquals(Optional.empty(), access.session(sid));
        assertTrue(access.authenticate(two.token()).isPresent());
    }

    @Test
    void oneTokenHoldsAtMostTwentyPageSessionsTheOldestGoingFirst() {
        AccessConfig.Added added = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "u001");
        Access access = Access.of(added.config());
        String first = access.login(added.token()).orElseThrow();
        for (int i = 0; i < 30; i++) {
            access.login(added.token()).orElseThrow();
        }
        assertEquals(Access.SESSIONS_PER_TOKEN, access.sessionCount());
        assertEquals(Optional.empty(), access.session(first));
    }

    @Test
    void aFileOfTheOldSlowHashFormatIsRefusedWithWhatToDo() throws Exception {
        Path file = dir.resolve("access.json");
        Files.writeString(file, "{\"version\":1,\"tokens\":[{\"id\":\"t-00aa11bb\",\"role\":\"author\","
                + "\"algorithm\":\"PBKDF2WithHmacSHA256\",\"iterations\":10000,\"salt\":\"c2FsdA==\",\"hash\":\"aGFzaA==\"}]}",
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessConfig.load(file));
        assertTrue(e.getMessage().contains("t-00aa11bb") && e.getMessage().contains("token add"), e.getMessage());
    }

    @Test
    void anAuthorReadsEveryUnitAndWritesNoneAndTheOpenServiceDoesBoth() {
        Principal author = new Principal("t-1", AccessEntry.Role.AUTHOR, null);
        Principal unit = new Principal("t-2", AccessEntry.Role.UNIT, "u001");
        assertTrue(author.mayRead("u001") && !author.mayWrite("u001"));
        assertTrue(unit.mayRead("u001") && unit.mayWrite("u001"));
        assertTrue(!unit.mayRead("u002") && !unit.mayWrite("u002"));
        assertTrue(Principal.OPEN.mayRead("u002") && Principal.OPEN.mayWrite("u002"));
    }
}
