package org.civcheck.evidence;

/**
 * One string per distinct word of a reading (activity types, organizers, kinds of material,
 * tags, levels), made from the parser's buffer: a package of 100,000 activities names a few
 * dozen words some 400,000 times. A shared instance also keeps its hash, which the rules'
 * facts look words up by. Bounded: long texts and words beyond the first
 * {@value #MAX_WORDS} are made as plain strings. One instance serves one reading.
 */
final class Words {

    private static final int MAX_LENGTH = 64;
    private static final int MAX_WORDS = 1024;

    /** Open addressing on {@link String#hashCode()}, at most half full. */
    private String[] table = new String[64];
    private int count;

    /** The word {@code chars[offset..offset+length)}: the instance met before, or a new one. */
    String of(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode's formula, over UTF-16 units
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            String known = table[slot];
            if (known == null) {
                String word = new String(chars, offset, length);
                if (count < MAX_WORDS) {
                    table[slot] = word;
                    word.hashCode(); // kept in the string from now on
                    if (++count * 2 > table.length) {
                        grow();
                    }
                }
                return word;
            }
            if (known.hashCode() == hash && sameChars(known, chars, offset, length)) {
                return known;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean sameChars(String word, char[] chars, int offset, int length) {
        if (word.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (word.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String word : old) {
            if (word != null) {
                int slot = spread(word.hashCode()) & mask;
                while (table[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = word;
            }
        }
    }
}
