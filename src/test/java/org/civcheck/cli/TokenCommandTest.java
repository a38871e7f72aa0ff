package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.civcheck.web.access.AccessConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civcheck token add|list|remove}, and serve's refusal to listen publicly without tokens. */
class TokenCommandTest {

    @Test
    void addListRemove(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/access.json");
        CheckCommandTest.Run add = civcheck("token", "add", "--unit", "qw-office", "--file", file.toString());
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.out().contains("只显示这一次"), add.out());
        String[] lines = add.out().strip().split("\n");
        String token = lines[lines.length - 1].strip();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        String stored = Files.readString(file);
        assertFalse(stored.contains(token), "the token is stored only hashed");
        assertTrue(stored.contains("\"SHA-256\""), stored);

        CheckCommandTest.Run author = civcheck("token", "add", "--role", "author", "--file", file.toString());
        assertEquals(0, author.exit(), author.err());

        AccessConfig config = AccessConfig.load(file);
        assertEquals(2, config.entries().size());
        String id = config.match(token).orElseThrow().id();
        assertEquals("qw-office", config.find(id).orElseThrow().unit());

        CheckCommandTest.Run list = civcheck("token", "list", "--file", file.toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains(id) && list.out().contains("单位 qw-office") && list.out().contains("作者"), list.out());
        assertFalse(list.out().contains(token));

        CheckCommandTest.Run remove = civcheck("token", "remove", id, "--file", file.toString());
        assertEquals(0, remove.exit(), remove.err());
        assertTrue(remove.out().contains("已删除"), remove.out());
        assertTrue(AccessConfig.load(file).match(token).isEmpty());
        assertEquals(1, AccessConfig.load(file).entries().size());

        CheckCommandTest.Run again = civcheck("token", "remove", id, "--file", file.toString());
        assertEquals(ExitCodes.NOT_CHECKED, again.exit());
        assertTrue(again.err().contains("没有编号为"), again.err());
    }

    @Test
    void addNeedsAUnitOrTheAuthorRole(@TempDir Path dir) {
        String f = dir.resolve("a.json").toString();
        assertEquals(ExitCodes.NOT_CHECKED, civcheck("token", "add", "--file", f).exit());
        assertEquals(ExitCodes.NOT_CHECKED, civcheck("token", "add", "--role", "admin", "--file", f).exit());
        assertEquals(ExitCodes.NOT_CHECKED, civcheck("token", "add", "--role", "author", "--unit", "x", "--file", f).exit());
        CheckCommandTest.Run list = civcheck("token", "list", "--file", f);
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("没有令牌"), list.out());
    }

    /** The package contract's rule for unit ids: a token for an id no package can carry is never made. */
    @Test
    void addRefusesAUnitIdThatNoPackageCouldCarry(@TempDir Path dir) {
        String f = dir.resolve("a.json").toString();
        for (String id : java.util.List.of("../x", "U001", "qw office", "-x", "办公室", "a".repeat(65), "x\u0000y")) {
            CheckCommandTest.Run add = civcheck("token", "add", "--unit", id, "--file", f);
            assertEquals(ExitCodes.NOT_CHECKED, add.exit(), id);
            assertTrue(add.err().contains("单位编号") && add.err().contains("小写字母"), add.err());
        }
        assertEquals(0, civcheck("token", "add", "--unit", "qw-office-2", "--file", f).exit());
        assertTrue(civcheck("token", "list", "--file", f).out().contains("qw-office-2"));
        assertFalse(civcheck("token", "list", "--file", f).out().contains(".."));
    }

    @Test
    void serveRefusesAPublicAddressWithoutTokensAndAcceptsItWithThem() {
        AccessConfig none = new AccessConfig(java.util.List.of());
        AccessConfig some = none.add(org.civcheck.web.access.AccessEntry.Role.AUTHOR, null).config();
        assertNull(ServeCommand.refusal("127.0.0.1", null));
        assertNull(ServeCommand.refusal("localhost", none));
        assertNotNull(ServeCommand.refusal("0.0.0.0", null));
        assertNotNull(ServeCommand.refusal("0.0.0.0", none));
        assertTrue(ServeCommand.refusal("192.0.2.10", null).contains("拒绝启动"));
        assertNull(ServeCommand.refusal("0.0.0.0", some));
        assertNull(ServeCommand.refusal("192.0.2.10", some));
    }

    @Test
    void serveRefusesToStartOnAPublicAddressWithoutAnAccessFile(@TempDir Path dir) {
        CheckCommandTest.Run run = civcheck("serve", "--host", "0.0.0.0", "--port", "0",
                "--access", dir.resolve("missing.json").toString());
        assertEquals(ExitCodes.NOT_CHECKED, run.exit());
        assertTrue(run.err().contains("拒绝启动"), run.err());
    }
}
