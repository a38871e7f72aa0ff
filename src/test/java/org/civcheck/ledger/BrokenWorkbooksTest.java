package org.civcheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of broken workbooks, each made here from the seed example's workbook: every one is
 * refused with a Chinese fault naming its sheet and cell, or read correctly. (Refused readings
 * store nothing: the service stores only accepted ones, see WorkbookApiTest.)
 */
class BrokenWorkbooksTest {

    private static byte[] seed;

    @BeforeAll
    static void seedWorkbook() throws IOException {
        PackageReading json = Ledgers.read(Files.readAllBytes(Path.of("examples/seed-district-office.json")), "seed.json");
        seed = LedgerWriter.export(json.evidence(), Ledgers.assessor().vocabulary());
    }

    /** The seed workbook changed by {@code change}. */
    static byte[] edited(Consumer<XSSFWorkbook> change) {
        return edited(seed, change);
    }

    static byte[] edited(byte[] workbook, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Cell cell(XSSFWorkbook book, String sheet, String ref) {
        var r = new org.apache.poi.ss.util.CellReference(ref);
        Sheet s = book.getSheet(sheet);
        Row row = s.getRow(r.getRow()) != null ? s.getRow(r.getRow()) : s.createRow(r.getRow());
        return row.getCell(r.getCol()) != null ? row.getCell(r.getCol()) : row.createCell(r.getCol());
    }

    static Consumer<XSSFWorkbook> set(String sheet, String ref, String text) {
        return book -> {
            Cell c = cell(book, sheet, ref);
            c.setBlank();
            c.setCellValue(text);
        };
    }

    static Arguments refused(String name, Consumer<XSSFWorkbook> change, String where, String says) {
        return Arguments.of(name, (java.util.function.Supplier<byte[]>) () -> edited(change), where, says);
    }

    static Arguments refusedBytes(String name, java.util.function.Supplier<byte[]> bytes, String where, String says) {
        return Arguments.of(name, bytes, where, says);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                refused("a date that is no day", set("活动台账", "B2", "2025-02-30"), "活动台账!B2", "日期“2025-02-30”不存在"),
                refused("a date in words", set("活动台账", "B3", "下周三"), "活动台账!B3", "不是日期"),
                refused("text in a number cell", set("活动台账", "G2", "十二"), "活动台账!G2", "参加人数“十二”不是不小于0的整数"),
                refused("a negative number", book -> cell(book, "活动台账", "G2").setCellValue(-3), "活动台账!G2", "不是不小于0的整数"),
                refused("an unknown organizer", set("活动台账", "F2", "文明委"), "活动台账!F2", "组织方“文明委”不在测评体系中 → 是否为“文明办”？"),
                refused("an unknown kind of document", set("计划制度", "B2", "年度汁划"), "计划制度!B2", "是否为“年度计划”"),
                refused("an unknown severity-free level", set("荣誉", "B2", "乡级"), "荣誉!B2", "荣誉级别“乡级”不在测评体系中"),
                refused("a missing activity sheet", book -> book.removeSheetAt(book.getSheetIndex("活动台账")), "seed", "缺少工作表“活动台账”"),
                refused("a missing unit sheet", book -> book.removeSheetAt(book.getSheetIndex("单位")), "seed", "缺少工作表“单位”"),
                refused("a renamed header", set("活动台账", "E1", "类别"), "活动台账!第1行", "缺少表头 “活动类型*”"),
                refused("a merged date cell", book -> book.getSheet("活动台账").addMergedRegion(CellRangeAddress.valueOf("B2:B3")),
                        "活动台账!B2:B3", "合并了单元格"),
                refused("a repeated activity number", set("活动台账", "A3", "act-0001"), "活动台账!A3", "重复，已用于 活动台账!第2行"),
                refused("a department misspelt", set("活动台账", "H2", "综和科8、秘书科5"), "活动台账!H2", "是否为“综合科”"),
                refused("attendance in words", set("活动台账", "H2", "综合科八人"), "活动台账!H2", "应为科室名称加人数"),
                refused("an end before the start", set("活动台账", "C2", "2024-12-01"), "活动台账!C2", "早于活动日期"),
                refused("a period the wrong way round", set("单位", "B11", "2024-01-01"), "单位!B11", "早于开始日期"),
                refused("staff in words", set("单位", "B6", "五十"), "单位!B6", "不是不小于0的整数"),
                refused("a blank unit name", book -> cell(book, "单位", "B3").setBlank(), "单位!B3", "必填，不能为空"),
                refused("yes or no as maybe", set("活动台账", "K2", "可能"), "活动台账!K2", "应填“是”或“否”"),
                refused("a file outside the package", set("活动台账", "M2", "../机密.pdf"), "活动台账!M2", "不得指向材料包以外"),
                refused("more satisfied than asked", book -> cell(book, "满意度测评", "D2").setCellValue(100000), "满意度测评!D2", "多于参与测评人数"),
                refused("a formula's error value", book -> {
                    cell(book, "活动台账", "G2").setCellFormula("1/0");
                    book.getCreationHelper().createFormulaEvaluator().evaluateAll();
                }, "活动台账!G2", "参加人数"),
                refusedBytes("a foreign workbook", BrokenWorkbooksTest::foreign, "seed", "这不是本系统的创建台账工作簿"),
                refusedBytes("an encrypted workbook", BrokenWorkbooksTest::encrypted, "seed", "设置了打开密码"),
                refusedBytes("an Excel 97 workbook", BrokenWorkbooksTest::xls, "seed", "Excel 97-2003"),
                refusedBytes("half a workbook", () -> java.util.Arrays.copyOf(seed, seed.length / 2), "seed", "不是有效的 Excel 工作簿"),
                refusedBytes("random bytes named .xlsx", () -> new byte[] {1, 2, 3, 4, 5}, "seed", "不是有效的 Excel 工作簿"),
                refusedBytes("a zip bomb disguised as .xlsx", BrokenWorkbooksTest::bomb, "seed", "疑似压缩炸弹"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aBrokenWorkbookIsRefusedAtItsCellInChinese(String name, java.util.function.Supplier<byte[]> workbook, String where,
            String says) {
        PackageReading reading = Ledgers.read(workbook.get(), "seed.xlsx");
        assertFalse(reading.isAccepted(), name + " was read");
        String expectedPath = where.equals("seed") ? "seed.xlsx" : where;
        assertTrue(reading.faults().stream().anyMatch(f -> f.path().equals(expectedPath) && f.message().contains(says)),
                () -> name + ": " + reading.faults());
        for (InputProblem f : reading.faults()) {
            assertTrue(f.message().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), f.toString());
            assertFalse(f.message().contains("Exception") || f.message().contains("$."), f.toString());
        }
    }

    /** The reviewed library (roles, counts, last findings, a claim) broken in each kind of its new columns. */
    static Stream<Arguments> reviewFaults() {
        return Stream.of(
                Arguments.of("a role not in the list", set("负面事件", "G2", "临时工"), "负面事件!G2",
                        "涉及人员“临时工”不在下拉列表中，请选择 班子成员、职工 之一"),
                Arguments.of("no one involved", (Consumer<XSSFWorkbook>) book -> cell(book, "负面事件", "H2").setCellValue(0),
                        "负面事件!H2", "应不小于 1（实际为 0）"),
                Arguments.of("rectified as maybe", set("上次反馈问题整改", "C2", "差不多"), "上次反馈问题整改!C2", "应填“是”或“否”"),
                Arguments.of("a rectification day that is no day", set("上次反馈问题整改", "D2", "2025-02-30"),
                        "上次反馈问题整改!D2", "“2025-02-30”不存在"),
                Arguments.of("a rectification file with a date", set("上次反馈问题整改", "E2", "整改/报告.pdf（2025-04-30）"),
                        "上次反馈问题整改!E2", "只写文件名"),
                Arguments.of("an indicator not in the list", set("自评项目", "A2", "宣传栏"), "自评项目!A2",
                        "指标“宣传栏”不在下拉列表中"),
                Arguments.of("a score in words", set("自评项目", "B2", "较好"), "自评项目!B2", "自评分“较好”不是不小于0的数"),
                Arguments.of("a note too long", set("自评项目", "C2", "宣".repeat(501)), "自评项目!C2", "长度不应超过 500 个字符"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviewFaults")
    void aBrokenReviewCellIsRefusedAtItsCellInChinese(String name, Consumer<XSSFWorkbook> change, String where, String says)
            throws Exception {
        var review = Ledgers.reviewAssessor();
        byte[] workbook = LedgerWriter.export(Ledgers.read(LedgerRoundTripTest.reviewedLibrary(), "library.json", review)
                .evidence(), review.vocabulary());
        PackageReading reading = Ledgers.read(edited(workbook, change), "library.xlsx", review);
        assertFalse(reading.isAccepted(), name + " was read");
        assertTrue(reading.faults().stream().anyMatch(f -> f.path().equals(where) && f.message().contains(says)),
                () -> name + ": " + reading.faults());
        for (InputProblem f : reading.faults()) {
            assertFalse(f.message().contains("$.") || f.message().matches(".*[A-Za-z]{4,}.*"), f.toString());
        }
    }

    @Test
    void anUnknownActivityTypeIsReadAndWarnedFirstAtItsCell() {
        PackageReading reading = Ledgers.read(edited(set("活动台账", "E2", "理论学些")), "seed.xlsx");
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals(new InputProblem("活动台账!E2", "活动类型“理论学些”不在测评体系中 → 是否为“理论学习”？该活动不计入任何指标",
                "理论学些", "理论学习"), reading.warnings().get(0));
    }

    @Test
    void aZipOfFilesWithoutTheWorkbookAsksForTheWorkbookInOfficeWords() throws IOException {
        byte[] photos;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("2025材料/照片.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
            zip.finish();
            photos = out.toByteArray();
        }
        PackageReading reading = Ledgers.read(photos, "材料.zip");
        assertEquals(List.of(new InputProblem("材料.zip",
                "压缩包里没有台账工作簿（.xlsx）；请把填好的台账工作簿和材料文件放在一起压缩后上传")), reading.faults());
    }

    @Test
    void aFormulaIsReadAsItsComputedValue() {
        byte[] book = edited(b -> {
            cell(b, "活动台账", "G2").setCellFormula("5+7");
            b.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        assertEquals(12, Ledgers.read(book, "seed.xlsx").evidence().activities().get(0).participants());
    }

    @Test
    void hiddenRowsAndATextNumberAndASpacedSheetNameReadAsTheyShow() {
        byte[] book = edited(b -> {
            b.getSheet("活动台账").getRow(5).setZeroHeight(true);
            cell(b, "活动台账", "G2").setCellValue("12");
            b.setSheetName(b.getSheetIndex("荣誉"), "荣誉 ");
        });
        PackageReading reading = Ledgers.read(book, "seed.xlsx");
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals(164, reading.evidence().activities().size());
        assertEquals(12, reading.evidence().activities().get(0).participants());
    }

    @Test
    void aHeaderOnlyLedgerIsAYearWithoutActivities() {
        byte[] book = edited(b -> {
            Sheet s = b.getSheet("活动台账");
            for (int i = s.getLastRowNum(); i >= 1; i--) {
                s.removeRow(s.getRow(i));
            }
        });
        PackageReading reading = Ledgers.read(book, "seed.xlsx");
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals(List.of(), reading.evidence().activities());
    }

    @Test
    void aMacroEnabledWorkbookRenamedIsReadForItsCellsOnly() {
        byte[] book = edited(b -> b.setWorkbookType(XSSFWorkbookType.XLSM));
        PackageReading reading = Ledgers.read(book, "seed.xlsx");
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals(164, reading.evidence().activities().size());
    }

    @Test
    void aTenMegabyteImageInsideIsIgnored() {
        byte[] image = new byte[10 * 1024 * 1024];
        new Random(1).nextBytes(image);
        byte[] book = edited(b -> {
            int picture = b.addPicture(image, XSSFWorkbook.PICTURE_TYPE_PNG);
            var sheet = b.getSheet("活动台账");
            var anchor = b.getCreationHelper().createClientAnchor();
            anchor.setCol1(20);
            anchor.setRow1(2);
            sheet.createDrawingPatriarch().createPicture(anchor, picture);
        });
        assertTrue(book.length > 10_000_000);
        PackageReading reading = Ledgers.read(book, "seed.xlsx");
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals(164, reading.evidence().activities().size());
    }

    @Test
    @Tag("slow")
    void aMillionRowSheetStopsAtTheActivityLimit() throws IOException {
        byte[] book;
        try (SXSSFWorkbook b = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = b.createSheet("活动台账");
            for (int i = 0; i < 1_000_000; i++) {
                s.createRow(i).createCell(0).setCellValue(i);
            }
            b.write(out);
            book = out.toByteArray();
        }
        PackageReading reading = Ledgers.read(book, "big.xlsx");
        assertFalse(reading.isAccepted());
        assertEquals(new InputProblem("活动台账", "行数超过上限 100000 行"), reading.faults().get(0));
    }

    private static byte[] foreign() {
        try (XSSFWorkbook b = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row r = b.createSheet("Sheet1").createRow(0);
            r.createCell(0).setCellValue("姓名");
            r.createCell(1).setCellValue("工资");
            b.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] xls() {
        try (HSSFWorkbook b = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            b.createSheet("活动台账").createRow(0).createCell(0).setCellValue("日期");
            b.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] encrypted() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(seed);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workbook-shaped zip whose sheet inflates to 300 MB of zeros. */
    private static byte[] bomb() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
