package org.civcheck.report.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 复查表 as CSV (RFC 4180): UTF-8 with a byte order mark so that Excel shows the Chinese
 * correctly, records ended by CRLF: the title and the header lines of the workbook (unit, period,
 * outcome, note; one field each), an empty line, a line of the column titles, then one record per
 * row of the table (indicators, subtotals, total), 佐证材料编号 as short as in the workbook. A field is quoted when it holds a comma, a quotation
 * mark, CR or LF, with quotation marks doubled. Numbers are written plainly (3, 2.5); blank for a
 * not-applicable indicator.
 *
 * <p>A text field that starts with {@code = + - @}, a tab or CR would be taken by spreadsheets for
 * a formula (CSV injection; ids and findings can carry a package's text), so it gets a leading
 * apostrophe, as OWASP recommends.
 */
public final class CsvTable {

    /** The UTF-8 byte order mark the file starts with. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvTable() {}

    public static byte[] write(ReviewTable table) {
        StringBuilder out = new StringBuilder();
        record(out, List.of(text(table.header().title())));
        table.header().lines().forEach(line -> record(out, List.of(text(line))));
        out.append("\r\n");
        record(out, ReviewTable.COLUMNS);
        for (ReviewTable.Row row : table.rows()) {
            record(out, fields(row));
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    /** A row's fields in column order, as the CSV writes them (before quoting). */
    static List<String> fields(ReviewTable.Row row) {
        List<String> f = new ArrayList<>();
        f.add(text(row.category()));
        f.add(text(row.indicator()));
        f.add(Numbers.text(row.points()));
        f.add(text(row.method()));
        f.add(Numbers.text(row.score()));
        f.add(text(row.statusName()));
        f.add(text(row.evidenceText()));
        f.add(text(row.remark()));
        return f;
    }

    private static String text(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
