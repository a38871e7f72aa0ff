package org.civcheck.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of cells a person types, read and written: dates in the spellings offices use, 是/否,
 * people per department (综合科8、秘书科5) and files with their dates. A cell that does not read
 * throws {@link Fault} with the Chinese message for it.
 */
final class CellValues {

    /** The tag that marks a unit's signature activity (特色品牌). */
    static final String FEATURED_TAG = "featured";

    /** A cell whose text does not read as its column says; the message is for the user. */
    static final class Fault extends Exception {
        private static final long serialVersionUID = 1L;

        Fault(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.年])\\s*(\\d{1,2})\\s*(?:[-/.月])\\s*(\\d{1,2})\\s*日?");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;\\n\\r]+");
    private static final Pattern LINES = Pattern.compile("[\\n\\r；;]+");
    private static final Pattern COUNT_AT_END = Pattern.compile("^(.*?)\\s*[:：]?\\s*(\\d+)\\s*人?$");
    /**
     * A file name and, in the last brackets, its date. Greedy: the brackets can only be the last
     * ones (the date holds none), so the name is found by one step back from the end, not by
     * trying every place from the start; the name is stripped where it is used.
     */
    private static final Pattern FILE_WITH_DATE = Pattern.compile("^(.*)[（(]([^（()）]*)[)）]\\s*$");

    private CellValues() {}

    /** A date: 2025-03-14, 2025/3/14, 2025.3.14 or 2025年3月14日 (a real date cell reads as the first). */
    static LocalDate date(String text) throws Fault {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new Fault("“" + text + "”不是日期，请按 2025-03-14 的样式填写");
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new Fault("日期“" + text.strip() + "”不存在");
        }
    }

    /** A whole number ≥ 0; "12人" and "12.0" read as 12. */
    static int count(String text) throws Fault {
        String t = text.strip();
        if (t.endsWith("人") || t.endsWith("个") || t.endsWith("次")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            java.math.BigDecimal n = new java.math.BigDecimal(t);
            if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new NumberFormatException();
            }
            return n.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Fault("“" + text.strip() + "”不是不小于0的整数");
        }
    }

    /** A number ≥ 0 (hours, yuan); "1,200" reads as 1200. */
    static double quantity(String text) throws Fault {
        try {
            double n = Double.parseDouble(text.strip().replace(",", "").replace("元", "").replace("小时", ""));
            if (n < 0 || !Double.isFinite(n)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Fault("“" + text.strip() + "”不是不小于0的数");
        }
    }

    /** 是/否 (also 专职/兼职, TRUE/FALSE, √/×). */
    static boolean yesNo(String text) throws Fault {
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "是", "专职", "TRUE", "√", "Y", "YES", "已整改", "已处理" -> true;
            case "否", "兼职", "FALSE", "×", "N", "NO", "未整改", "未处理" -> false;
            default -> throw new Fault("“" + text.strip() + "”应填“是”或“否”");
        };
    }

    /** Free labels separated by 、, commas or new lines. */
    static List<String> tags(String text) {
        List<String> tags = new ArrayList<>();
        for (String t : SEPARATORS.split(text)) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        return tags;
    }

    /**
     * People per department, "综合科8、秘书科5", each department by its name or id in
     * {@code departments} (name or id → id).
     */
    static Map<String, Integer> attendance(String text, Map<String, String> departments) throws Fault {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String item : SEPARATORS.split(text)) {
            if (item.isBlank()) {
                continue;
            }
            Matcher m = COUNT_AT_END.matcher(item.strip());
            if (!m.matches() || m.group(1).isBlank()) {
                throw new Fault("“" + item.strip() + "”应为科室名称加人数，如 综合科8、秘书科5");
            }
            String id = departments.get(m.group(1).strip());
            if (id == null) {
                String nearest = nearest(m.group(1).strip(), departments.keySet());
                throw new Fault("“" + m.group(1).strip() + "”不是“科室”表中的科室"
                        + (nearest == null ? "" : " → 是否为“" + nearest + "”？"));
            }
            if (counts.containsKey(id)) {
                throw new Fault("科室“" + m.group(1).strip() + "”写了两次");
            }
            counts.put(id, count(m.group(2)));
        }
        return counts;
    }

    /** The attendance cell of {@code counts} (department id → people), departments by name. */
    static String attendance(Map<String, Integer> counts, Map<String, String> names) {
        List<String> items = new ArrayList<>();
        counts.forEach((id, n) -> items.add(names.getOrDefault(id, id) + n));
        return String.join("、", items);
    }

    /** A file named in a material cell, with the date its material was made, if given. */
    record NamedFile(String file, LocalDate date) {}

    /** The files of a material cell: one a line (or separated by ；), each with an optional （date）. */
    static List<NamedFile> files(String text) throws Fault {
        List<NamedFile> files = new ArrayList<>();
        for (String line : LINES.split(text)) {
            String item = line.strip();
            if (item.isEmpty()) {
                continue;
            }
            Matcher m = FILE_WITH_DATE.matcher(item);
            if (m.matches() && !m.group(1).isBlank() && DATE.matcher(m.group(2).strip()).matches()) {
                files.add(new NamedFile(m.group(1).strip(), date(m.group(2))));
            } else {
                files.add(new NamedFile(item, null));
            }
        }
        return files;
    }

    /** The text of {@code known} nearest to {@code text} by edit distance; null when there is none. */
    static String nearest(String text, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = org.civcheck.evidence.PackageVocabulary.distance(text, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }
}
