package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words used again and again are read once per reading, and the limits still hold for them. */
class WordsTest {

    @Test
    void theSameWordIsTheSameInstanceAndOthersAreNot() {
        Words words = new Words();
        char[] buffer = "..photo..photo..minutes".toCharArray();

        String first = words.of(buffer, 2, 5);
        String again = words.of(buffer, 9, 5);
        String other = words.of(buffer, 16, 7);

        assertEquals("photo", first);
        assertSame(first, again);
        assertEquals("minutes", other);
    }

    @Test
    void manyDistinctWordsAreAllReadRightPastTheTableBound() {
        Words words = new Words();
        for (int i = 0; i < 5_000; i++) {
            String text = "w" + i;
            assertEquals(text, words.of(text.toCharArray(), 0, text.length()));
        }
        String late = "w4999";
        assertNotSame(words.of(late.toCharArray(), 0, 5), words.of(late.toCharArray(), 0, 5),
                "beyond the bound words are plain strings");
        String early = "w7";
        assertSame(words.of(early.toCharArray(), 0, 2), words.of(early.toCharArray(), 0, 2));
    }

    @Test
    void activitiesOfOneTypeShareItsString() {
        ObjectNode pkg = example();
        PackageReading reading = TestPackages.read(pkg);
        List<Activity> activities = reading.evidence().activities();

        for (Activity a : activities) {
            for (Activity b : activities) {
                if (a.type().equals(b.type())) {
                    assertSame(a.type(), b.type());
                }
            }
        }
    }

    @Test
    void aWordLongerThanTheTextLimitIsRefusedAsAnyText() {
        ReadLimits d = ReadLimits.defaults();
        EvidencePackageReader reader = new EvidencePackageReader(new ReadLimits(d.maxPackageBytes(), d.maxZipEntries(),
                d.maxUnpackedBytes(), d.maxCompressionRatio(), d.maxActivities(), d.maxNestingDepth(), 40));
        ObjectNode pkg = example();
        TestPackages.object(pkg, "/activities/0").put("type", "x".repeat(41));
        byte[] bytes = TestPackages.bytes(pkg);

        PackageReading reading = reader.read(bytes, "evidence.json");

        assertEquals(1, reading.faults().size(), reading.faults().toString());
        assertEquals("$.activities[0].type", reading.faults().get(0).path());
        assertTrue(reading.faults().get(0).message().endsWith("文本长度超过上限 40 个字符"), reading.faults().toString());
        assertEquals(reader.readStrictly(bytes, null), reading);
    }
}
