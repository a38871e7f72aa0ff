package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number too large for a double ({@code 1e400}) reads as infinity: it would satisfy any
 * threshold, and the schema validator throws when it compares one with an enum. Wherever it
 * stands it is a fault at its path, the same both ways, and reading never throws. Written into
 * the text: a tree holding infinity is written out as the string {@code "Infinity"}.
 */
class NumbersBeyondADoubleTest {

    private static final EvidencePackageReader READER = new EvidencePackageReader(ReadLimits.defaults());
    private static final String MARK = "__number__";

    /** The example with the value at {@code pointer} written as {@code number}. */
    private static byte[] withNumber(String pointer, String number) {
        ObjectNode pkg = example();
        int cut = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, cut);
        String last = pointer.substring(cut + 1);
        if (pkg.at(parent) instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), MARK);
        } else {
            ((ObjectNode) pkg.at(parent)).put(last, MARK);
        }
        String json = new String(TestPackages.bytes(pkg), StandardCharsets.UTF_8);
        return json.replace("\"" + MARK + "\"", number).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFault(String pointer, String number, String path) {
        byte[] bytes = withNumber(pointer, number);

        PackageReading reading = READER.read(bytes, "evidence.json");

        assertEquals(List.of(new InputProblem(path, "数值超出可表示的范围，应为有限的数")), reading.faults(),
                pointer + " = " + number);
        assertEquals(READER.readStrictly(bytes, null), reading, pointer + " = " + number);
    }

    @Test
    void atAnEnumOrConstItIsAFaultNotACrash() {
        assertFault("/schemaVersion", "1e400", "$.schemaVersion");
        assertFault("/unit/level", "-1e400", "$.unit.level");
        assertFault("/activities/0/organizer", "1e400", "$.activities[0].organizer");
        assertFault("/activities/0/attachments/0/kind", "1E999", "$.activities[0].attachments[0].kind");
        assertFault("/surveys/0/kind", "-1e400", "$.surveys[0].kind");
    }

    @Test
    void atAQuantityOrACountItIsAFault() {
        assertFault("/activities/1/volunteerHours", "1e400", "$.activities[1].volunteerHours");
        assertFault("/activities/1/participants", "-1e400", "$.activities[1].participants");
        assertFault("/unit/name", "1e400", "$.unit.name");
    }

    @Test
    void inAnUnknownFieldItIsAFaultToo() {
        assertFault("/generator", "1e400", "$.generator");
        assertFault("/activities/0/备注", "1e400", "$.activities[0].备注");
    }
}
