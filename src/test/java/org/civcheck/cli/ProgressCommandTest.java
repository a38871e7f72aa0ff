package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --as-of DATE [--ics FILE]}: a liaison's check in the middle of the year. */
class ProgressCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCrammedUnitInJuneIsClearlyBehindInTheTextReportWithItsToDoList() {
        CheckCommandTest.Run run = civcheck("check", "examples/rushed-before-inspection.json", "--as-of", "2025-06-30");
        assertEquals(1, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("全年进度（截至2025年6月30日，评估期已过50%）"), out);
        assertTrue(out.contains("进度结论：明显滞后\n"), out);
        assertTrue(out.contains("✗ 集中理论学习（按时间进度）  应完成12、已完成2"), out);
        assertTrue(out.contains("待办事项（"), out);
        assertTrue(out.contains("· 7月还需开展理论学习"), out);
        assertTrue(out.contains("2025年6月30日之后的记录"), out);
        assertTrue(out.contains("假如今天复查（全年要求，2025年6月30日之后的记录不计入）："), out);
    }

    @Test
    void theJsonCarriesAsOfAndProgressOfTheContract() throws IOException {
        CheckCommandTest.Run run = civcheck("check", "examples/well-run-library.json", "--as-of", "2025-06-30",
                "--format", "json");
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals("2025-06-30", result.get("asOf").asText());
        assertEquals(2, result.get("resultVersion").asInt());
        JsonNode progress = result.get("progress");
        assertEquals("on-track", progress.get("verdict").asText());
        assertEquals("按进度可以通过", progress.get("verdictName").asText());
        JsonNode first = progress.get("indicators").get(0);
        for (String field : List.of("indicator", "status", "due")) {
            assertTrue(first.has(field), field);
        }
        JsonNode todo = progress.get("todo").get(0);
        for (String field : List.of("due", "indicator", "pointsAtStake", "text")) {
            assertTrue(todo.has(field), field);
        }
    }

    @Test
    void theIcsFileParsesWithOneEventPerToDoOnItsDate() throws IOException, ParserException {
        Path ics = dir.resolve("待办.ics");
        CheckCommandTest.Run json = civcheck("check", "examples/seed-district-office.json", "--as-of", "2025-06-30",
                "--format", "json", "--ics", ics.toString());
        assertTrue(json.err().contains("待办事项日历已写入"), json.err());
        JsonNode todo = new ObjectMapper().readTree(json.out()).get("progress").get("todo");
        Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(ics, StandardCharsets.UTF_8)));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(todo.size(), events.size());
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            VEvent e = events.get(i);
            String title = e.getSummary().getValue();
            titles.add(title);
            assertEquals(todo.get(i).get("text").asText(), title);
            LocalDate day = LocalDate.from(e.getDateTimeStart().getDate());
            assertEquals(LocalDate.parse(todo.get(i).get("due").asText()), day);
            assertTrue(e.getDescription().getValue().contains("指标："), e.getDescription().getValue());
        }
        assertTrue(titles.contains("7月还需开展领导班子专题研究创建2次"), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.startsWith("12月31日前")), titles.toString());
    }

    @Test
    void aWholePeriodCheckWritesNoCalendarAndSaysWhy() {
        Path ics = dir.resolve("x.ics");
        CheckCommandTest.Run run = civcheck("check", "examples/well-run-library.json", "--ics", ics.toString());
        assertEquals(0, run.exit(), run.err());
        assertFalse(Files.exists(ics));
        assertTrue(run.err().contains("本次检查的是整个评估期，没有待办事项"), run.err());
    }

    @Test
    void aBadDateOrADayBeforeThePeriodIsAUsageErrorInChinese() {
        CheckCommandTest.Run bad = civcheck("check", "examples/well-run-library.json", "--as-of", "6月30日");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("日期应写成 年-月-日，如 2025-06-30"), bad.err());
        CheckCommandTest.Run early = civcheck("check", "examples/well-run-library.json", "--as-of", "2024-06-30");
        assertEquals(2, early.exit());
        assertTrue(early.err().contains("早于评估期的开始日"), early.err());
    }
}
