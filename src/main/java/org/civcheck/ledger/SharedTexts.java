package org.civcheck.ledger;

import java.util.Arrays;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * A workbook's shared strings (POI's {@code ReadOnlySharedStringsTable}) as plain texts, each
 * taken from the table once. The table makes a new XML-bean rich-text object at every look-up,
 * and a 台账 looks the same word (活动类型, 组织方, a date in a material cell) up thousands of
 * times: those objects took a sixth of the time of reading a 10,000-row ledger.
 */
final class SharedTexts implements SharedStrings {

    private final SharedStrings table;
    /** The texts asked for so far, by index; grown only to an index the table has answered. */
    private RichTextString[] texts = new RichTextString[0];

    SharedTexts(SharedStrings table) {
        this.table = table;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        if (idx >= 0 && idx < texts.length && texts[idx] != null) {
            return texts[idx];
        }
        RichTextString text = new Plain(table.getItemAt(idx).getString()); // an index not in the table throws there
        if (idx >= texts.length) {
            texts = Arrays.copyOf(texts, Math.max(idx + 1, texts.length * 2));
        }
        texts[idx] = text;
        return text;
    }

    @Override
    public int getCount() {
        return table.getCount();
    }

    @Override
    public int getUniqueCount() {
        return table.getUniqueCount();
    }

    /** A cell's text as the sheet reader takes it (by {@code toString}); read only. */
    private record Plain(String text) implements RichTextString {

        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw readOnly();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw readOnly();
        }

        @Override
        public void applyFont(Font font) {
            throw readOnly();
        }

        @Override
        public void clearFormatting() {
            throw readOnly();
        }

        @Override
        public void applyFont(short fontIndex) {
            throw readOnly();
        }

        private static UnsupportedOperationException readOnly() {
            return new UnsupportedOperationException("A cell's text read from a workbook is read only.");
        }
    }
}
