package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service budgets the reader's memory through {@link ReadBudget}: it must hear of every tree
 * before it is built (several times the records' memory), of the JSON's own size (not a zip's),
 * and be able to stop a reading by throwing.
 */
class ReadBudgetTest {

    private static final EvidencePackageReader READER = new EvidencePackageReader(ReadLimits.defaults());

    /** Records what the reader tells, as "records 1234" or "tree 1234". */
    private static final class Recorded implements ReadBudget {
        final List<String> told = new ArrayList<>();

        @Override
        public void beforeRecords(long jsonBytes) {
            told.add("records " + jsonBytes);
        }

        @Override
        public void beforeTree(long jsonBytes) {
            told.add("tree " + jsonBytes);
        }
    }

    @Test
    void aGoodPackageIsReadIntoRecordsWithNoTree() {
        byte[] json = TestPackages.bytes(example());
        Recorded budget = new Recorded();

        assertTrue(READER.read(json, "evidence.json", budget).isAccepted());

        assertEquals(List.of("records " + json.length), budget.told);
    }

    @Test
    void aPackageThatMayNotPassTheSchemaIsBudgetedForItsTreeBeforeItIsRead() {
        ObjectNode pkg = example();
        TestPackages.object(pkg, "/activities/0").put("participants", 20.5); // a fault only networknt names
        byte[] json = TestPackages.bytes(pkg);
        Recorded budget = new Recorded();

        PackageReading reading = READER.read(json, "evidence.json", budget);

        assertFalse(reading.isAccepted());
        assertEquals(List.of("records " + json.length, "tree " + json.length), budget.told);
    }

    @Test
    void aZipIsBudgetedByItsEvidenceJson() {
        byte[] json = TestPackages.bytes(example());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", json);
        entries.put("photos/large.jpg", new byte[200_000]);
        Recorded budget = new Recorded();

        byte[] zip = TestPackages.zip(entries);
        READER.read(zip, "2025.zip", budget);

        // Before unpacking: the size the central directory declares (this zip leaves sizes to data
        // descriptors); then its size unpacked, before it is read into records.
        assertEquals(List.of("records " + json.length, "records " + json.length), budget.told);
    }

    @Test
    void aZipThatDeclaresItsSizesIsBudgetedByTheDeclaredSizeBeforeUnpacking() throws Exception {
        byte[] json = TestPackages.bytes(example());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry("evidence.json");
            entry.setMethod(java.util.zip.ZipEntry.STORED); // sizes and CRC in the local header
            entry.setSize(json.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(json);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(json);
            zip.closeEntry();
        }
        Recorded budget = new Recorded();

        assertTrue(READER.read(out.toByteArray(), "2025.zip", budget).isAccepted());

        assertEquals(List.of("records " + json.length, "records " + json.length), budget.told);
    }

    @Test
    void whatTheBudgetThrowsStopsTheReading() {
        RuntimeException busy = new IllegalStateException("no room");
        ReadBudget full = new ReadBudget() {
            @Override
            public void beforeRecords(long jsonBytes) {
                throw busy;
            }

            @Override
            public void beforeTree(long jsonBytes) {
                throw new AssertionError("never reached");
            }
        };

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> READER.read(TestPackages.bytes(example()), "evidence.json", full));

        assertSame(busy, thrown);
    }
}
