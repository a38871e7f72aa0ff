package org.civcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.civcheck.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civcheck bench --quick}: every section is there, every figure is a positive number. No timing is asserted. */
class BenchCommandTest {

    @Test
    void aQuickBenchReportsEverySectionWithPositiveFigures(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("bench.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "--quick", "--markdown", md.toString());

        assertEquals(0, exit, err.toString());
        String text = out.toString();
        for (String section : List.of("机器", "规则库（KieBase）构建", "冷启动", "热重建", "读取与评分", "HTTP：POST /api/assessments",
                "峰值堆", "目标", "成本与活动数成线性", "100,000 条在 512 MiB 堆内")) {
            assertTrue(text.contains(section), () -> "missing “" + section + "” in:\n" + text);
        }
        assertFalse(text.contains("内存不足"), text);

        String markdown = Files.readString(md, StandardCharsets.UTF_8);
        List<String[]> scoring = rows(markdown, "### 读取与评分");
        assertEquals(List.of("100", "1000"), scoring.stream().map(r -> r[0]).toList(), markdown);
        for (String[] row : scoring) {
            // activities, bytes, then "w+n", then median / p90 of parse, read, assess, total, the ratios, µs per activity, peak heap
            for (int i : new int[] {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11}) {
                for (String number : row[i].split(" / ")) {
                    assertTrue(Double.parseDouble(number) > 0, () -> "cell " + i + " of " + Arrays.toString(row));
                }
            }
        }
        List<String[]> http = rows(markdown, "### HTTP");
        assertEquals(List.of("1", "4", "16"), http.stream().map(r -> r[0]).toList(), markdown);
        for (String[] row : http) {
            for (int i = 1; i <= 4; i++) {
                assertTrue(Double.parseDouble(row[i]) > 0, Arrays.toString(row));
            }
            assertEquals("0", row[5], "no request failed: " + Arrays.toString(row));
        }
        List<String[]> kie = rows(markdown, "### 规则库");
        assertEquals(3, kie.size(), markdown);
        kie.forEach(row -> assertTrue(Double.parseDouble(row[1]) > 0, Arrays.toString(row)));
    }

    /** The data rows of the first table after {@code heading}, cells trimmed. */
    private static List<String[]> rows(String markdown, String heading) {
        int at = markdown.indexOf(heading);
        assertTrue(at >= 0, () -> "no section " + heading + " in:\n" + markdown);
        String[] lines = markdown.substring(at).split("\n");
        int i = 0;
        while (!lines[i].startsWith("|")) {
            i++;
        }
        i += 2; // header and separator
        List<String[]> rows = new java.util.ArrayList<>();
        for (; i < lines.length && lines[i].startsWith("|"); i++) {
            String line = lines[i].substring(1, lines[i].length() - 1);
            rows.add(Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new));
        }
        return rows;
    }
}
