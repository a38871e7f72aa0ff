package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void pointsDropTrailingZeros() {
        assertEquals("59", Formats.points(59.0));
        assertEquals("12.5", Formats.points(12.5));
        assertEquals("0", Formats.points(0));
        assertEquals("1341.94", Formats.points(1341.9361));
    }

    @Test
    void signedPointsCarryTheirSign() {
        assertEquals("+3.5", Formats.signedPoints(3.5));
        assertEquals("-2", Formats.signedPoints(-2));
        assertEquals("0", Formats.signedPoints(0.0001));
    }

    @Test
    void timesAreShownInChinaStandardTime() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 11, 27, 20, 17, 3, 0, ZoneOffset.UTC);

        assertEquals("2026年11月28日 04:17", Formats.dateTime(utc));
        assertEquals("11月28日", Formats.shortDate(utc));
    }

    @Test
    void sizesReadForPeople() {
        assertEquals("980 字节", Formats.bytes(980));
        assertEquals("85.4 KB", Formats.bytes(87433));
        assertEquals("3.2 MB", Formats.bytes(3_355_443));
        assertEquals("512 MB", Formats.bytes(512L * 1024 * 1024));
    }
}
