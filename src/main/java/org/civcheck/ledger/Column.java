package org.civcheck.ledger;

import org.civcheck.evidence.WordField;

/**
 * One column of a table sheet, or one line of a form sheet: its Chinese header, the package field
 * it fills ({@code date}, {@code unit.coordinator.name}), how it is filled, and for a word column
 * the vocabulary of its drop-down; for a files column, the kind of material ({@code material}).
 *
 * @param width in characters (a Chinese character counts two)
 * @param hint  a line for the 填写说明 sheet and the header's comment
 */
record Column(String header, String field, CellKind kind, WordField words, String material, boolean required,
        int width, String hint) {

    static Column of(String header, String field, CellKind kind, boolean required, int width, String hint) {
        return new Column(header, field, kind, null, null, required, width, hint);
    }

    static Column word(String header, String field, WordField words, boolean required, int width, String hint) {
        return new Column(header, field, CellKind.WORD, words, null, required, width, hint);
    }

    static Column files(String header, String material) {
        return new Column(header, "attachments", CellKind.FILES, null, material, false, 24,
                "该种材料的文件名（含所在文件夹），一行一个；可在文件名后用括号注明材料形成日期，如 会议记录/0312.pdf（2025-03-14）");
    }

    /** The header as written, with a mark for the required ones. */
    String title() {
        return required ? header + "*" : header;
    }
}
