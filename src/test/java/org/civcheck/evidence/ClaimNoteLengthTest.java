package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.civcheck.evidence.TestPackages.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A self-rated item's 说明 is at most 500 字, as on the paper 复查表: 500 Chinese characters are
 * accepted as written, 501 refuse the package at the note's place, in Chinese.
 */
class ClaimNoteLengthTest {

    private static ObjectNode withNote(String note) {
        ObjectNode pkg = example();
        ObjectNode claim = pkg.putArray("claims").addObject().put("indicator", "notice-board").put("score", 2)
                .put("note", note);
        claim.putArray("files").add("xuanchuan/board-1.jpg");
        return pkg;
    }

    @Test
    void aNoteOfFiveHundredCharactersIsKeptWhole() {
        String note = "宣".repeat(500);
        PackageReading reading = read(withNote(note));
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals(note, reading.evidence().claims().get(0).note());
    }

    @Test
    void aNoteOfFiveHundredAndOneCharactersIsRefusedAtItsPlace() {
        PackageReading reading = read(withNote("宣".repeat(501)));
        assertNull(reading.evidence());
        assertEquals(List.of("$.claims[0].note"), reading.faults().stream().map(InputProblem::path).toList());
        String message = reading.faults().get(0).message();
        assertTrue(message.contains("500"), message);
        assertTrue(message.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), "said in Chinese: " + message);
    }
}
