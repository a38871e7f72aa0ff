package org.civcheck.register;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.UnitIds;
import org.civcheck.evidence.WordField;

/**
 * Reads the register file: CSV, one unit a line under a header line, as a 文明办 keeps it in Excel
 * and saves it (另存为 CSV; UTF-8 with or without its mark, or the GBK/GB18030 that Chinese Excel
 * writes by default). The columns, in any order:
 *
 * <pre>
 * 单位编号,单位名称,文明单位级别,省,市,区县
 * qw-office,××区委办公室,市级,江苏省,南京市,玄武区
 * </pre>
 *
 * 单位编号, 单位名称 and 省 are required; 文明单位级别 (全国, 省级, 市级, 县级) may be blank; 市 and 区县
 * may be blank for a unit directly under the province or city. Every fault names the file and line,
 * in Chinese; a file with any fault is refused whole.
 */
public final class RegisterFile {

    static final String ID = "单位编号";
    static final String NAME = "单位名称";
    static final String LEVEL = "文明单位级别";
    /** The region columns, outermost first. */
    static final List<String> REGION_COLUMNS = List.of("省", "市", "区县");
    /** Other spellings of a column's title that Excel users write. */
    private static final Map<String, String> ALIASES = Map.of("区/县", "区县", "县区", "区县", "县（区）", "区县",
            "区（县）", "区县", "级别", LEVEL, "名称", NAME, "编号", ID);

    /** The header line, as a blank file starts. */
    public static final String HEADER = ID + "," + NAME + "," + LEVEL + ",省,市,区县";

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    /** What a reading gave: the register when {@code problems} is empty. */
    public record Reading(Register register, List<RegisterProblem> problems) {
        public boolean isAccepted() {
            return problems.isEmpty();
        }
    }

    private RegisterFile() {}

    /** Reads the file {@code name} (for the faults) of {@code bytes}. */
    public static Reading read(String name, byte[] bytes) {
        List<RegisterProblem> problems = new ArrayList<>();
        String text = decode(bytes);
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (it.hasNext()) {
                int line = it.getParser().currentLocation().getLineNr();
                lines.add(new Line(line, it.next()));
            }
        } catch (IOException | RuntimeException e) {
            int line = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).number() + 1;
            problems.add(new RegisterProblem(name, line, "无法按 CSV 读取这一行（引号不成对？），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试"));
            return new Reading(null, problems);
        }
        lines.removeIf(Line::blank);
        if (lines.isEmpty()) {
            problems.add(new RegisterProblem(name, 1, "文件是空的：第一行应为表头 " + HEADER));
            return new Reading(null, problems);
        }
        Map<String, Integer> columns = columns(name, lines.get(0), problems);
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        Map<String, Region> regions = new LinkedHashMap<>();
        List<RegisteredUnit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            RegisteredUnit unit = unit(name, line, columns, problems);
            if (unit == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(unit.id(), line.number());
            if (first != null) {
                problems.add(new RegisterProblem(name, line.number(), "单位编号“" + unit.id() + "”与第 " + first + " 行重复"));
                continue;
            }
            units.add(unit);
        }
        for (RegisteredUnit u : units) {
            for (Region r : Region.path(List.of(u.regionId().split(Region.SEPARATOR)))) {
                regions.putIfAbsent(r.id(), r);
            }
        }
        if (units.isEmpty() && problems.isEmpty()) {
            problems.add(new RegisterProblem(name, lines.get(0).number(), "表头下面没有单位：每行填写一个单位"));
        }
        return new Reading(problems.isEmpty() ? new Register(List.copyOf(regions.values()), units) : null, problems);
    }

    private record Line(int number, String[] cells) {
        boolean blank() {
            for (String c : cells) {
                if (c != null && !c.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        String cell(Integer column) {
            if (column == null || column >= cells.length || cells[column] == null) {
                return "";
            }
            return cells[column].strip();
        }
    }

    private static Map<String, Integer> columns(String name, Line header, List<RegisterProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.cells().length; i++) {
            String title = header.cell(i).replace("\uFEFF", "");
            String column = ALIASES.getOrDefault(title, title);
            if (column.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(column, i) != null) {
                problems.add(new RegisterProblem(name, header.number(), "表头中“" + column + "”出现了两次"));
            }
        }
        for (String required : List.of(ID, NAME, REGION_COLUMNS.get(0))) {
            if (!columns.containsKey(required)) {
                problems.add(new RegisterProblem(name, header.number(), "表头缺少“" + required + "”列；第一行应为 " + HEADER));
            }
        }
        return columns;
    }

    private static RegisteredUnit unit(String file, Line line, Map<String, Integer> columns, List<RegisterProblem> problems) {
        int before = problems.size();
        String id = line.cell(columns.get(ID));
        if (id.isEmpty()) {
            problems.add(new RegisterProblem(file, line.number(), "缺少单位编号"));
        } else if (!UnitIds.isValid(id)) {
            problems.add(new RegisterProblem(file, line.number(), UnitIds.problem(id)));
        }
        String unitName = line.cell(columns.get(NAME));
        if (unitName.isEmpty()) {
            problems.add(new RegisterProblem(file, line.number(), "缺少单位名称"));
        }
        String levelWord = line.cell(columns.get(LEVEL));
        String level = null;
        if (!levelWord.isEmpty()) {
            PackageVocabulary words = PackageVocabulary.standard();
            level = words.code(WordField.UNIT_LEVEL, levelWord.replace("文明单位", ""));
            if (level == null) {
                problems.add(new RegisterProblem(file, line.number(), "文明单位级别“" + levelWord + "”无法识别，应为 "
                        + String.join("、", words.words(WordField.UNIT_LEVEL).stream().map(w -> w.name()).toList())
                        + " 之一（可以不填）"));
            }
        }
        List<String> path = new ArrayList<>();
        String skipped = null;
        for (String column : REGION_COLUMNS) {
            String region = line.cell(columns.get(column));
            if (region.isEmpty()) {
                skipped = skipped == null ? column : skipped;
                continue;
            }
            if (region.contains(Region.SEPARATOR) || region.length() > Region.MAX_NAME) {
                problems.add(new RegisterProblem(file, line.number(), column + "“" + region + "”不能含有“/”，且不超过 "
                        + Region.MAX_NAME + " 个字"));
            }
            if (path.isEmpty() && skipped != null) {
                problems.add(new RegisterProblem(file, line.number(), "缺少" + skipped + "：地区要从省填起"));
            }
            path.add(region);
        }
        if (path.isEmpty()) {
            problems.add(new RegisterProblem(file, line.number(), "缺少所属地区：至少填写“省”"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new RegisteredUnit(id, unitName, level, String.join(Region.SEPARATOR, path));
    }

    /** UTF-8 when the bytes are (with or without a byte order mark), else GB18030, which Chinese Excel writes. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
