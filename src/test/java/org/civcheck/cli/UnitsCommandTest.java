package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civcheck.store.Database;
import org.civcheck.store.OverviewQuery;
import org.civcheck.store.OverviewStore;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civcheck units import} and {@code civcheck token add --role office --region}. */
class UnitsCommandTest {

    @Test
    void aRegisterSavedByExcelInGbkImportsAndAFaultyOneNamesItsLinesAndImportsNothing(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath();
        Path good = dir.resolve("名册.csv");
        Files.write(good, ("单位编号,单位名称,文明单位级别,省,市,区县\r\n"
                + "qw-office,玄武区委办公室,市级,江苏省,南京市,玄武区\r\n"
                + "gs-bank,姑苏银行,省级文明单位,江苏省,苏州市,\r\n").getBytes(Charset.forName("GBK")));
        Path bad = dir.resolve("错误名册.csv");
        Files.writeString(bad, "单位编号,单位名称,省\nqw-office,区委办,江苏省\nqw-office,重复,江苏省\n,无编号,江苏省\n");

        CheckCommandTest.Run check = civcheck("units", "import", good.toString(), "--check");
        CheckCommandTest.Run refused = civcheck("units", "import", bad.toString(), "--db", url);
        CheckCommandTest.Run imported = civcheck("units", "import", good.toString(), "--db", url);

        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("2 个单位"), check.out());
        assertEquals(ExitCodes.NOT_CHECKED, refused.exit());
        assertTrue(refused.err().contains("错误名册.csv:3：单位编号“qw-office”与第 2 行重复"), refused.err());
        assertTrue(refused.err().contains("错误名册.csv:4：缺少单位编号"), refused.err());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("新增 2 个单位"), imported.out());
        try (Database db = Database.open(url)) {
            var overview = new OverviewStore(db.dataSource()).overview(OverviewQuery.of("江苏省/苏州市"), 1, 10, 5);
            assertEquals(1, overview.total());
            assertEquals("姑苏银行", overview.rows().get(0).unitName());
            assertEquals("provincial", overview.rows().get(0).level());
        }
    }

    @Test
    void anOfficeTokenNeedsARegionWrittenAsTheRegisterWritesIt(@TempDir Path dir) {
        String f = dir.resolve("access.json").toString();

        CheckCommandTest.Run office = civcheck("token", "add", "--role", "office", "--region", "江苏省/南京市", "--file", f);
        CheckCommandTest.Run noRegion = civcheck("token", "add", "--role", "office", "--file", f);
        CheckCommandTest.Run badRegion = civcheck("token", "add", "--role", "office", "--region", "江苏省//南京市", "--file", f);
        CheckCommandTest.Run unitWithRegion = civcheck("token", "add", "--unit", "qw-office", "--region", "江苏省", "--file", f);
        CheckCommandTest.Run list = civcheck("token", "list", "--file", f);

        assertEquals(0, office.exit(), office.err());
        assertTrue(office.out().contains("文明办（江苏省 南京市"), office.out());
        assertEquals(ExitCodes.NOT_CHECKED, noRegion.exit());
        assertTrue(noRegion.err().contains("所属地区"), noRegion.err());
        assertEquals(ExitCodes.NOT_CHECKED, badRegion.exit());
        assertEquals(ExitCodes.NOT_CHECKED, unitWithRegion.exit());
        assertTrue(list.out().contains("文明办 江苏省/南京市"), list.out());
        AccessConfig config = AccessConfig.load(Path.of(f));
        assertEquals(1, config.entries().size());
        assertEquals(AccessEntry.Role.OFFICE, config.entries().get(0).role());
        assertEquals("江苏省/南京市", config.entries().get(0).region());
        assertFalse(list.out().contains("office"), "the role in Chinese");
    }
}
