package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlaceNamesTest {

    @Test
    void aJsonPathReadsAsChinese() {
        assertEquals("第13项活动的日期", PlaceNames.of("$.activities[12].date"));
        assertEquals("活动", PlaceNames.of("$.activities"));
        assertEquals("单位的第3个科室的人数", PlaceNames.of("$.unit.departments[2].staff"));
        assertEquals("第2项活动的第1份台账材料的文件", PlaceNames.of("$.activities[1].attachments[0].file"));
        assertEquals("证据包", PlaceNames.of("$"));
        assertEquals("第1项活动的“karaoke”", PlaceNames.of("$.activities[0].karaoke"));
    }

    @Test
    void whatIsNoJsonPathIsShownAsItIs() {
        assertEquals("活动台账!C17", PlaceNames.of("活动台账!C17"));
    }
}
