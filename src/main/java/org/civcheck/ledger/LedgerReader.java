package org.civcheck.ledger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.evidence.Word;
import org.civcheck.evidence.WordField;

/**
 * Reads a 台账 workbook (.xlsx) as a package: each sheet the layout declares, streamed row by row
 * (POI's event reader, never the whole workbook as objects), becomes the package's records,
 * which the package reader then checks exactly as it checks JSON, so that a workbook and the
 * equivalent JSON give the same records, faults and assessment. Every fault names its sheet and
 * cell ({@code 活动台账!C17：日期“2025-02-30”不存在}); all are reported at once.
 */
public final class LedgerReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ReadLimits limits;
    private final EvidencePackageReader packages;

    public LedgerReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.packages = new EvidencePackageReader(limits);
        WorkbookSafety.apply(limits);
    }

    /**
     * Reads the workbook {@code xlsx} named {@code sourceName}; {@code files} are the files zipped
     * with it (null when it came alone). {@code budget} is told the memory the reading takes first.
     */
    public PackageReading read(byte[] xlsx, String sourceName, Set<String> files, ReadBudget budget,
            PackageVocabulary vocabulary) {
        LedgerLayout layout = LedgerLayout.of(vocabulary);
        budget.beforeTree(WorkbookSafety.unpackedSize(xlsx, limits));
        Map<String, SheetRows.Sheet> sheets = new LinkedHashMap<>();
        String current = sourceName;
        try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            XSSFReader reader = new XSSFReader(opc);
            StylesTable styles = reader.getStylesTable();
            SharedTexts strings = SharedTexts.of(opc);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    String name = it.getSheetName().strip();
                    current = name;
                    if (layout.sheet(name).isPresent() && !sheets.containsKey(name)) {
                        sheets.put(name, SheetRows.read(sheet, styles, strings, limits.maxActivities() + 1));
                    }
                }
            }
        } catch (SheetRows.TooManyRows e) {
            return refused(current, "行数超过上限 " + limits.maxActivities() + " 行");
        } catch (Exception e) {
            return refused(sourceName, WorkbookSafety.why(e));
        }
        if (sheets.isEmpty()) {
            return refused(sourceName, foreign(layout));
        }
        return new Records(layout, sheets, sourceName).read(files);
    }

    /** The one message for a workbook that is not a 台账 of this tool. */
    static String foreign(LedgerLayout layout) {
        List<String> names = new ArrayList<>();
        layout.sheets().forEach(s -> names.add(s.name()));
        return "这不是本系统的创建台账工作簿：应包含工作表 " + String.join("、", names)
                + "，各表第1行为表头（如“活动台账”的 日期、活动名称、活动类型）。请在上传页下载空白台账模板，把内容填入模板后再上传";
    }

    private static PackageReading refused(String where, String message) {
        return PackageReading.refused(List.of(new InputProblem(where, message)));
    }

    /** The records of one workbook being read: the JSON they make, the cells they came from, the faults met. */
    private final class Records {
        private final LedgerLayout layout;
        private final Map<String, SheetRows.Sheet> sheets;
        private final String sourceName;
        private final ObjectNode root = NODES.objectNode();
        private final CellMap cells;
        private final List<InputProblem> faults = new ArrayList<>();
        private final Set<String> faultyCells = new HashSet<>();
        /** Department name or id → id, from the 科室 sheet. */
        private final Map<String, String> departments = new LinkedHashMap<>();

        Records(LedgerLayout layout, Map<String, SheetRows.Sheet> sheets, String sourceName) {
            this.layout = layout;
            this.sheets = sheets;
            this.sourceName = sourceName;
            this.cells = new CellMap(sourceName);
        }

        PackageReading read(Set<String> files) {
            root.put("schemaVersion", 1);
            for (LedgerSheet sheet : layout.sheets()) {
                SheetRows.Sheet read = sheets.get(sheet.name());
                if (read == null) {
                    if (sheet.required()) {
                        fault(sourceName, "缺少工作表“" + sheet.name() + "”；请使用空白台账模板，不要删除或改名工作表");
                    }
                    continue;
                }
                cells.put(sheet.list().equals("unit") ? "$.unit" : "$." + sheet.list(), sheet.name());
                for (String range : read.merged()) {
                    fault(sheet.name() + "!" + range, "合并了单元格，请取消合并，每个单元格分别填写");
                }
                List<SheetRows.Row> rows = read.rows();
                if (sheet.form()) {
                    form(sheet, rows);
                } else {
                    table(sheet, rows);
                }
            }
            if (!root.has("activities") && sheets.containsKey(LedgerLayout.ACTIVITIES)) {
                root.putArray("activities");
            }
            // The records' memory was charged with the workbook's, before it was opened.
            PackageReading reading = packages.readTree(root, files, layout.vocabulary());
            List<InputProblem> all = new ArrayList<>(faults);
            for (InputProblem p : reading.faults()) {
                InputProblem at = cells.atCell(p);
                if (!faultyCells.contains(at.path())) {
                    all.add(at);
                }
            }
            if (!all.isEmpty()) {
                return PackageReading.refused(all);
            }
            List<InputProblem> warnings = new ArrayList<>();
            reading.warnings().forEach(w -> warnings.add(cells.atCell(w)));
            if (files == null) {
                lone(reading, warnings);
            }
            return PackageReading.accepted(reading.evidence(), warnings);
        }

        /** A workbook alone names its files but carries none: said once, after the unknown words. */
        private void lone(PackageReading reading, List<InputProblem> warnings) {
            int count = 0;
            for (var a : reading.evidence().activities()) {
                count += a.attachments().size();
            }
            if (count > 0) {
                int at = (int) warnings.stream().filter(InputProblem::isUnknownWord).count();
                warnings.add(at, new InputProblem(LedgerLayout.ACTIVITIES, "只上传了台账工作簿，表中写到的" + count
                        + "份材料没有随表提交，均按已具备计算，缺漏查不出来；请把工作簿和材料文件一起压缩成 zip 上传以核对，复查时须能逐一出示原件"));
            }
        }

        /** The 单位 sheet: header in column A, value in column B. */
        private void form(LedgerSheet sheet, List<SheetRows.Row> rows) {
            Set<Column> seen = new HashSet<>();
            for (SheetRows.Row row : rows) {
                String label = row.cell(0);
                if (label == null) {
                    continue;
                }
                sheet.column(label).ifPresent(c -> {
                    seen.add(c);
                    String cell = ref(sheet, 1, row.number());
                    cells.put("$." + c.field(), cell);
                    // A missing object (period, coordinator) is told at the line of its first field.
                    String parent = "$." + c.field().substring(0, Math.max(0, c.field().lastIndexOf('.')));
                    if (c.field().indexOf('.') > 0 && !parent.equals("$.unit")) {
                        cells.putIfAbsent(parent, cell);
                    }
                    put(root, c.field(), value(c, row.cell(1), cell));
                });
            }
            for (Column c : sheet.columns()) {
                if (c.required() && !seen.contains(c)) {
                    fault(sheet.name(), "缺少“" + c.header() + "”一行（A列写“" + c.header() + "”，B列填写内容）");
                }
            }
            if (root.path("unit").path("coordinator").isObject() && !root.path("unit").path("coordinator").has("name")) {
                ((ObjectNode) root.get("unit")).remove("coordinator"); // 专职 given without a name: no coordinator
            }
        }

        /** A table sheet: headers in the first row, a record per row below. */
        private void table(LedgerSheet sheet, List<SheetRows.Row> rows) {
            if (rows.isEmpty()) {
                return;
            }
            SheetRows.Row top = rows.get(0);
            Map<Integer, Column> columns = new LinkedHashMap<>();
            top.cells().forEach((col, text) -> sheet.column(text).ifPresent(c -> columns.put(col, c)));
            List<String> missing = new ArrayList<>();
            for (Column c : sheet.columns()) {
                if (c.required() && !columns.containsValue(c)) {
                    missing.add("“" + c.title() + "”");
                }
            }
            if (!missing.isEmpty()) {
                fault(sheet.name() + "!第" + top.number() + "行", "缺少表头 " + String.join("、", missing)
                        + "；表头应为空白台账模板第1行的样子，请不要改动");
                return;
            }
            String listPath = "$." + sheet.list();
            Map<String, String> letters = new HashMap<>();
            columns.forEach((col, c) -> {
                if (c.kind() != CellKind.FILES && c.kind() != CellKind.FEATURED) {
                    letters.putIfAbsent(c.field(), CellReference.convertNumToColString(col));
                }
            });
            cells.table(listPath, sheet.name(), letters);
            ArrayNode list = array(root, sheet.list());
            for (SheetRows.Row row : rows.subList(1, rows.size())) {
                if (row.isEmpty()) {
                    continue;
                }
                String path = listPath + "[" + list.size() + "]";
                ObjectNode record = list.addObject();
                cells.row(listPath, row.number());
                for (Map.Entry<Integer, Column> e : columns.entrySet()) {
                    Column c = e.getValue();
                    String text = row.cell(e.getKey());
                    if (text == null) {
                        continue;
                    }
                    String cell = ref(sheet, e.getKey(), row.number());
                    if (c.kind() == CellKind.FILES) {
                        files(record, c, text, cell, path);
                    } else if (c.kind() == CellKind.FILE_NAMES) {
                        fileNames(record, c, text, cell);
                    } else if (c.kind() == CellKind.FEATURED || c.kind() == CellKind.TAGS) {
                        tags(record, c, text, cell, path);
                    } else {
                        put(record, c.field(), value(c, text, cell));
                    }
                }
                if (sheet.idPrefix() != null && !record.has("id")) {
                    record.put("id", sheet.list().equals("unit.departments") && record.hasNonNull("name")
                            ? record.get("name").asText() : sheet.idPrefix() + row.number() + "行");
                }
                if (sheet.list().equals("unit.departments")) {
                    String id = record.path("id").asText();
                    departments.putIfAbsent(record.path("name").asText(id), id);
                    departments.putIfAbsent(id, id);
                }
            }
        }

        private void files(ObjectNode record, Column c, String text, String cell, String path) {
            if (text == null) {
                return;
            }
            try {
                ArrayNode attachments = record.withArray("attachments");
                for (CellValues.NamedFile f : CellValues.files(text)) {
                    cells.put(path + ".attachments[" + attachments.size() + "]", cell);
                    ObjectNode a = attachments.addObject().put("kind", c.material()).put("file", f.file());
                    if (f.date() != null) {
                        a.put("date", f.date().toString());
                    }
                }
            } catch (CellValues.Fault e) {
                fault(cell, e.getMessage());
            }
        }

        /** A plain list of the package's files; a date in brackets after a name is not taken here. */
        private void fileNames(ObjectNode record, Column c, String text, String cell) {
            try {
                ArrayNode files = record.withArray(c.field());
                for (CellValues.NamedFile f : CellValues.files(text)) {
                    if (f.date() != null) {
                        fault(cell, c.header() + "只写文件名，不用在括号中注明日期");
                        return;
                    }
                    files.add(f.file());
                }
            } catch (CellValues.Fault e) {
                fault(cell, e.getMessage());
            }
        }

        private void tags(ObjectNode record, Column c, String text, String cell, String path) {
            if (text == null) {
                return;
            }
            if (c.kind() == CellKind.FEATURED) {
                try {
                    if (CellValues.yesNo(text)) {
                        record.withArray("tags").add(CellValues.FEATURED_TAG);
                    }
                } catch (CellValues.Fault e) {
                    fault(cell, e.getMessage());
                }
            } else {
                CellValues.tags(text).forEach(record.withArray("tags")::add);
            }
        }

        /** The JSON value of a cell's text as its column reads it; null (left out) when blank or faulty. */
        private Object value(Column c, String text, String cell) {
            if (text == null) {
                return null;
            }
            try {
                return switch (c.kind()) {
                    case TEXT -> text.strip();
                    case WORD -> word(c, text.strip());
                    case DATE -> CellValues.date(text).toString();
                    case COUNT -> CellValues.count(text);
                    case QUANTITY -> CellValues.quantity(text);
                    case YES_NO -> CellValues.yesNo(text);
                    case DEPARTMENT_COUNTS -> CellValues.attendance(text, departments);
                    default -> throw new IllegalArgumentException("Column kind " + c.kind() + " has no single value.");
                };
            } catch (CellValues.Fault e) {
                fault(cell, c.header() + e.getMessage().replaceFirst("^日期", ""));
                return null;
            }
        }

        /**
         * A word as the package takes it. The package reader knows the names of most fields' words;
         * the role of an incident and the indicator of a claim it takes as codes, so they are turned
         * into codes here, and a word not in the drop-down is a fault at its cell. (A set that
         * declares none has a text column instead, read as it is.)
         */
        private String word(Column c, String text) throws CellValues.Fault {
            if (c.words() != WordField.ROLE && c.words() != WordField.SELF_RATED_INDICATOR) {
                return text;
            }
            String code = layout.vocabulary().code(c.words(), text);
            if (code != null) {
                return code;
            }
            List<String> names = layout.vocabulary().words(c.words()).stream().map(Word::name).toList();
            throw new CellValues.Fault("“" + text + "”不在下拉列表中，请选择 " + String.join("、", names) + " 之一");
        }

        private void fault(String cell, String message) {
            faultyCells.add(cell);
            faults.add(new InputProblem(cell, message));
        }

        private static String ref(LedgerSheet sheet, int col, int row) {
            return sheet.name() + "!" + CellReference.convertNumToColString(col) + row;
        }
    }

    /** Puts {@code value} at the dotted {@code field} of {@code node}, making the objects on the way. */
    @SuppressWarnings("unchecked")
    private static void put(ObjectNode node, String field, Object value) {
        if (value == null) {
            return;
        }
        String[] parts = field.split("\\.");
        ObjectNode at = node;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (value instanceof String s) {
            at.put(last, s);
        } else if (value instanceof Integer n) {
            at.put(last, n);
        } else if (value instanceof Double d) {
            at.put(last, d);
        } else if (value instanceof Boolean b) {
            at.put(last, b);
        } else if (value instanceof Map<?, ?> m) {
            ObjectNode o = at.putObject(last);
            ((Map<String, Integer>) m).forEach(o::put);
        }
    }

    private static ArrayNode array(ObjectNode node, String field) {
        String[] parts = field.split("\\.");
        ObjectNode at = node;
        for (int i = 0; i < parts.length - 1; i++) {
            at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
        }
        return at.withArray(parts[parts.length - 1]);
    }
}
