package org.civcheck.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Progress;
import org.civcheck.engine.facts.Texts;

/**
 * The to-do items of a check made before the period's end as an iCalendar file: one all-day event
 * on each item's date, titled with the item ("7月还需开展理论学习2次"), its indicator and the points
 * at stake in the description. A phone or Outlook imports it; importing it again replaces the same
 * items (their UIDs stay the same for the same unit, indicator and date).
 */
public final class TodoCalendar {

    private TodoCalendar() {}

    /** The file's bytes (UTF-8, CRLF lines as RFC 5545 asks). */
    public static byte[] ics(Assessment assessment) throws IOException {
        Calendar calendar = new Calendar().withProdId("-//civcheck//文明单位创建进度//ZH").withDefaults()
                .getFluentTarget();
        for (Progress.Todo item : assessment.progress().todo()) {
            VEvent event = new VEvent(item.due(), item.text());
            event.add(new Uid(item.indicator() + "-" + item.due() + "-" + item.horizon() + "@"
                    + assessment.unit().id() + ".civcheck"));
            event.add(new Description("指标：" + item.indicatorName() + "。若到复查时仍未完成，可能失"
                    + Texts.num(item.pointsAtStake()) + "分。（" + assessment.unit().name() + "，"
                    + Texts.date(assessment.asOf()) + "检查）"));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        new CalendarOutputter(false).output(calendar, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The download's file name: "待办事项-××图书馆-2025年6月30日.ics". */
    public static String fileName(Assessment assessment) {
        return FileNames.of("待办事项", assessment.unit().name(), assessment.asOf(), "ics");
    }
}
