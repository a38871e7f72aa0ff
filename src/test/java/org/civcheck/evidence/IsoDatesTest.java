package org.civcheck.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link IsoDates#parse} answers exactly as {@link LocalDate#parse}, only faster. */
class IsoDatesTest {

    private static LocalDate reference(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void everyMonthAndDayNumberOfLeapAndCommonYearsIsReadAsLocalDateReadsIt() {
        for (String year : List.of("0000", "0001", "1900", "1999", "2000", "2023", "2024", "2025", "2100", "9999")) {
            for (int month = 0; month < 100; month++) {
                for (int day = 0; day < 100; day++) {
                    String text = String.format("%s-%02d-%02d", year, month, day);
                    assertEquals(reference(text), IsoDates.parse(text), text);
                    char[] buffer = ("<<" + text + ">>").toCharArray(); // as in the parser's buffer
                    assertEquals(reference(text), IsoDates.parseDay(buffer, 2, text.length()), text);
                }
            }
        }
    }

    @Test
    void otherShapesAreLeftToLocalDate() {
        for (String text : List.of("", "2025-03-14\n", " 2025-03-14", "+2025-03-14", "+12025-03-14", "-2025-03-14",
                "20250-03-14", "2025-3-14", "2025-03-4", "2025/03/14", "2025-03-1\uFF14", "\uFF12025-03-14",
                "abcd-ef-gh", "2025-03-14T00:00", "2025-0a-14", "2025--3-14")) {
            assertEquals(reference(text), IsoDates.parse(text), text);
            assertEquals(null, IsoDates.parseDay(text.toCharArray(), 0, text.length()), text); // left to parse
        }
    }

    @Test
    void dateShapeIsExactlyFourTwoAndTwoAsciiDigits() {
        assertEquals(true, IsoDates.hasDateShape("2025-02-30"));
        for (String text : List.of("2025-03-14\n", "2025-3-14", "2025/03/14", "2025-03-1\uFF14", "20250314xx", "2025-03-1")) {
            assertEquals(false, IsoDates.hasDateShape(text), text);
        }
    }
}
