package org.civcheck.ledger;

import java.util.List;
import java.util.Optional;

/**
 * One sheet of the workbook. A <b>form</b> sheet (单位) has a line per field: its header in
 * column A, the value in column B. A <b>table</b> sheet has the headers in row 1 and a record per
 * row below, each an element of the package's list {@code list} ({@code activities}); an empty
 * row is skipped, and a row whose id column is blank gets {@code idPrefix} and its row number.
 *
 * @param purpose what the sheet is for, for the 填写说明 sheet
 */
record LedgerSheet(String name, String list, boolean form, boolean required, String idPrefix, String purpose,
        List<Column> columns) {

    LedgerSheet {
        columns = List.copyOf(columns);
    }

    /** The column with this header (the required mark ignored), if any. */
    Optional<Column> column(String header) {
        String bare = header.strip().replace("*", "").replace("＊", "");
        return columns.stream().filter(c -> c.header().equals(bare)).findFirst();
    }
}
