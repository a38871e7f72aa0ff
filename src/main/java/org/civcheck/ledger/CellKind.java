package org.civcheck.ledger;

/** What a column of the workbook holds, and so how it is written, validated and read. */
enum CellKind {
    /** Free text. */
    TEXT,
    /** A real Excel date (a date typed as text, 2025-03-14 or 2025年3月14日, is read too). */
    DATE,
    /** A whole number ≥ 0 (people, a year). */
    COUNT,
    /** A number ≥ 0 (hours, yuan). */
    QUANTITY,
    /** A word of a vocabulary, chosen from a drop-down of its Chinese names. */
    WORD,
    /** 是 or 否. */
    YES_NO,
    /** 是 marks the activity as the unit's signature activity (the tag {@code featured}). */
    FEATURED,
    /** Free labels, separated by 、 or a new line. */
    TAGS,
    /** People per department: 综合科8、秘书科5. */
    DEPARTMENT_COUNTS,
    /** Files of one kind of material, one a line (or separated by ；), each with an optional （date）. */
    FILES,
    /** Files of the package (no kind, no date), one a line (or separated by ；). */
    FILE_NAMES
}
