package org.civcheck.evidence;

/**
 * Told how much JSON the reader is about to take memory for, before it does: a service with a
 * memory budget waits for room there, or refuses the package by throwing (the exception leaves
 * {@link EvidencePackageReader#read(byte[], String, ReadBudget)} as it is). The usual way reads
 * the JSON straight into records; the strict way, taken when the text has a fault or may not pass
 * the schema, first builds a tree of it, which takes several times more.
 */
public interface ReadBudget {

    /** No budget: the command line, tests. */
    ReadBudget NONE = new ReadBudget() {
        @Override
        public void beforeRecords(long jsonBytes) {}

        @Override
        public void beforeTree(long jsonBytes) {}
    };

    /**
     * Before {@code jsonBytes} of JSON are read straight into records; for a zip also before its
     * evidence.json is unpacked, with the most it may unpack to (then again with its size).
     */
    void beforeRecords(long jsonBytes);

    /** Before a tree of {@code jsonBytes} of JSON is built (the strict way). */
    void beforeTree(long jsonBytes);
}
