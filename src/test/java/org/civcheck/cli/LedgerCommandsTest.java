package org.civcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** template, export, pack and check of a workbook, as a liaison's administrator runs them. */
class LedgerCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aBlankTemplateIsWrittenAndCheckingItNamesTheEmptyCells() {
        Path template = dir.resolve("台账.xlsx");
        assertEquals(0, run("template", "-o", template.toString()), err.toString());
        assertTrue(Files.isRegularFile(template));
        assertEquals(2, run("check", template.toString()));
        assertTrue(err.toString().contains("单位!B3：必填，不能为空"), err.toString());
    }

    @Test
    void anExportedExampleChecksAsItsJsonAndPacksWithItsMissingAndUnnamedFilesListed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("文件夹"));
        Path book = folder.resolve("台账.xlsx");
        assertEquals(0, run("export", "examples/seed-district-office.json", "-o", book.toString()), err.toString());
        run("check", "examples/seed-district-office.json");
        String fromJson = out.toString();
        out.getBuffer().setLength(0);
        run("check", book.toString());
        assertEquals(fromJson.lines().skip(3).limit(3).toList(), out.toString().lines().skip(3).limit(3).toList());

        Files.createDirectories(folder.resolve("taizhang"));
        Files.writeString(folder.resolve("taizhang/act-0001-minutes.pdf"), "纪要");
        Files.writeString(folder.resolve("taizhang/无关照片.jpg"), "照片");
        err.getBuffer().setLength(0);
        Path zip = dir.resolve("证据包.zip");
        assertEquals(0, run("pack", folder.toString(), "-o", zip.toString()), err.toString());
        assertTrue(err.toString().contains("台账中写到、但文件夹里没有的文件"), err.toString());
        assertTrue(err.toString().contains("  taizhang/act-0001-attendance-sheet.jpg"), err.toString());
        assertTrue(err.toString().contains("文件夹里有、但台账中没有写到的文件（1 个）：\n  taizhang/无关照片.jpg"), err.toString());
        assertEquals(1, run("check", zip.toString()), err.toString());
    }
}
