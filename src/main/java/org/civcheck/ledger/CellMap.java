package org.civcheck.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civcheck.evidence.InputProblem;

/**
 * Where each value of the package written from a workbook came from: JSON path → cell
 * ({@code $.activities[16].date} → {@code 活动台账!B18}), so that what the package reader says
 * about a path is said about the cell. A path without a cell of its own takes its nearest
 * recorded parent's (an attachment's file → the material cell; a record → its row).
 */
final class CellMap {

    private static final Pattern EMBEDDED_PATH = Pattern.compile("\\$(?:\\.[\\p{L}_][\\p{L}\\p{N}_-]*|\\[\\d+]|\\['[^']*'])*");

    private final Map<String, String> cells = new HashMap<>();
    /** The table sheets: list path → where its records are. */
    private final Map<String, Table> tables = new HashMap<>();

    /** A table sheet's records: the row of each, and the column of each field. */
    private record Table(String sheet, Map<String, String> columns, java.util.List<Integer> rows) {}
    private final String whole;

    /** {@code whole} names what has no cell: the workbook itself. */
    CellMap(String whole) {
        this.whole = whole;
    }

    void put(String path, String cell) {
        cells.put(path, cell);
    }

    /** Registers the table sheet {@code sheet} holding the list at {@code listPath}, its fields in {@code columns} (field → letter). */
    void table(String listPath, String sheet, Map<String, String> columns) {
        tables.put(listPath, new Table(sheet, columns, new java.util.ArrayList<>()));
    }

    /** The next record of the list at {@code listPath} is on row {@code number}. */
    void row(String listPath, int number) {
        tables.get(listPath).rows().add(number);
    }

    void putIfAbsent(String path, String cell) {
        cells.putIfAbsent(path, cell);
    }

    /** The cell of {@code path}, or of its nearest recorded parent; the workbook when none. */
    String cell(String path) {
        // A cell of its own, or of a parent inside a record (an attachment's file → its material cell).
        for (String p = path; p != null && p.indexOf('[') > 0; p = parent(p)) {
            String explicit = cells.get(p);
            if (explicit != null) {
                return explicit;
            }
        }
        String inTable = tableCell(path);
        if (inTable != null) {
            return inTable;
        }
        for (String p = path; p != null; p = parent(p)) {
            String cell = cells.get(p);
            if (cell != null) {
                return cell;
            }
        }
        return whole;
    }

    /** The problem at its cell, with the paths inside its message turned into cells too. */
    InputProblem atCell(InputProblem problem) {
        Matcher m = EMBEDDED_PATH.matcher(problem.message());
        StringBuilder message = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(message, Matcher.quoteReplacement(cell(m.group())));
        }
        m.appendTail(message);
        String text = message.toString().replace("缺少必填字段", "必填，不能为空");
        return new InputProblem(cell(problem.path()), text, problem.unknownWord(), problem.nearest());
    }

    /** The cell of a field of a table's record ($.activities[3].date), its row when the field has no column. */
    private String tableCell(String path) {
        int open = path.indexOf('[');
        while (open > 0) {
            Table table = tables.get(path.substring(0, open));
            int close = path.indexOf(']', open);
            if (table != null && close > open) {
                int index;
                try {
                    index = Integer.parseInt(path.substring(open + 1, close));
                } catch (NumberFormatException e) {
                    return null;
                }
                if (index < 0 || index >= table.rows().size()) {
                    return null;
                }
                int row = table.rows().get(index);
                String rest = path.substring(close + 1);
                if (rest.startsWith(".")) {
                    String field = rest.substring(1).split("[.\\[]", 2)[0];
                    String column = table.columns().get(field);
                    if (column != null && !field.equals("attachments")) {
                        return table.sheet() + "!" + column + row;
                    }
                }
                return table.sheet() + "!第" + row + "行";
            }
            open = path.indexOf('[', open + 1);
        }
        return null;
    }

    private static String parent(String path) {
        if (path.equals("$")) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }
}
