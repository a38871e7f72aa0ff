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
    private final String whole;

    /** {@code whole} names what has no cell: the workbook itself. */
    CellMap(String whole) {
        this.whole = whole;
    }

    void put(String path, String cell) {
        cells.put(path, cell);
    }

    void putIfAbsent(String path, String cell) {
        cells.putIfAbsent(path, cell);
    }

    /** The cell of {@code path}, or of its nearest recorded parent; the workbook when none. */
    String cell(String path) {
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

    private static String parent(String path) {
        if (path.equals("$")) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "$" : path.substring(0, cut);
    }
}
