package org.civcheck.report.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.civcheck.engine.Assessment;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    /** A tiny RFC 4180 reader: records end at CRLF outside quotes; "" inside quotes is one quote. */
    /** The records from the column titles on, past the title and header lines and the empty line. */
    static List<List<String>> rows(String text) {
        List<List<String>> all = parse(text);
        return all.subList(all.indexOf(ReviewTable.COLUMNS), all.size());
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new IllegalStateException("quote inside an unquoted field at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalStateException("bare CR at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\n') {
                throw new IllegalStateException("bare LF at " + i);
            } else {
                if (wasQuoted) {
                    throw new IllegalStateException("text after a closing quote at " + i);
                }
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalStateException("unterminated quote");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            throw new IllegalStateException("last record not ended by CRLF");
        }
        return records;
    }

    private static String body(byte[] csv) {
        assertArrayEquals(CsvTable.BOM, Arrays.copyOf(csv, 3));
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void startsWithTheBomAndParsesBackIntoTheRows() {
        SeedTable.Run run = SeedTable.provincial();
        Assessment a = run.assessment();
        ReviewTable table = ReviewTables.table(a, run.criteria());
        byte[] csv = ReviewTables.csv(a, run.criteria());

        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
        String text = body(csv);
        assertTrue(text.endsWith("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare line feeds in the seed table");

        List<List<String>> all = parse(text);
        assertEquals(List.of(table.header().title()), all.get(0));
        for (int i = 0; i < table.header().lines().size(); i++) {
            assertEquals(List.of(table.header().lines().get(i)), all.get(i + 1));
        }
        assertTrue(all.get(1).get(0).startsWith("单位：××区委办公室"), all.get(1).toString());
        assertTrue(all.get(2).get(0).contains("结论：难以通过"), all.get(2).toString());
        List<List<String>> records = all.subList(table.header().lines().size() + 2, all.size());
        assertEquals(ReviewTable.COLUMNS, records.get(0));
        assertEquals(table.rows().size() + 1, records.size());
        for (int n = 0; n < table.rows().size(); n++) {
            ReviewTable.Row row = table.rows().get(n);
            List<String> r = records.get(n + 1);
            assertEquals(8, r.size());
            assertEquals(row.category(), r.get(0));
            assertEquals(row.indicator(), r.get(1));
            assertEquals(row.points(), r.get(2).isEmpty() ? null : Double.valueOf(r.get(2)));
            assertEquals(row.method(), r.get(3));
            assertEquals(row.score(), r.get(4).isEmpty() ? null : Double.valueOf(r.get(4)));
            assertEquals(row.statusName(), r.get(5));
            assertEquals(row.evidenceText(), r.get(6));
            assertEquals(row.remark(), r.get(7));
        }
        assertEquals(List.of("组织领导与创建机制", "年初制定年度创建计划", "3", "材料审核", "0", "未达标", "doc-01",
                "2025年年度创建计划于2025年5月20日才印发，晚于3月31日，缺乏统筹安排和提前谋划。"), records.get(1));
        assertEquals(List.of("合计", "", "100", "", "59", "", "", ""), records.get(records.size() - 1));
        // Full-width commas (，) need no quoting; 3.5 is written plainly.
        assertTrue(text.contains(",3.5,部分达标,"), text);
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        SeedTable.Run run = SeedTable.provincial();
        List<String> findings = List.of("测评说明, 含英文逗号", "引用“文明办”和\"quoted\"文字", "第一行\n第二行\r\n第三行");
        Assessment a = SeedTable.withFindings(run.assessment(), "annual-plan", findings, List.of("doc,01", "doc\"02"));
        byte[] csv = ReviewTables.csv(a, run.criteria());
        String text = body(csv);

        List<List<String>> records = rows(text);
        List<String> row = records.get(1);
        String remark = "测评说明, 含英文逗号；引用“文明办”和\"quoted\"文字；第一行\n第二行\r\n第三行。";
        assertEquals(remark, row.get(7));
        assertEquals("doc,01、doc\"02", row.get(6));
        assertTrue(text.contains(",\"doc,01、doc\"\"02\",\"测评说明, 含英文逗号；引用“文明办”和\"\"quoted\"\"文字；第一行\n第二行\r\n第三行。\"\r\n"),
                text.substring(0, 400));
        assertEquals(ReviewTables.table(a, run.criteria()).rows().size() + 1, records.size());
    }

    @Test
    void neutralisesWhatASpreadsheetWouldRunAsAFormula() {
        SeedTable.Run run = SeedTable.provincial();
        Assessment a = SeedTable.withFindings(run.assessment(), "annual-plan",
                List.of("=HYPERLINK(\"http://example.invalid\",\"点此\")"), List.of("+act-1", "act-2"));
        List<List<String>> records = rows(body(ReviewTables.csv(a, run.criteria())));
        assertEquals("'+act-1、act-2", records.get(1).get(6));
        assertEquals("'=HYPERLINK(\"http://example.invalid\",\"点此\")。", records.get(1).get(7));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", CsvTable.quote("plain"));
        assertEquals("\"a,b\"", CsvTable.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvTable.quote("say \"hi\""));
        assertEquals("\"a\nb\"", CsvTable.quote("a\nb"));
        assertEquals("\"a\rb\"", CsvTable.quote("a\rb"));
        assertEquals("中文，全角逗号", CsvTable.quote("中文，全角逗号"));
    }
}
