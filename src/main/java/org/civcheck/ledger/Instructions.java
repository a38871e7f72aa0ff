package org.civcheck.ledger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The 填写说明 sheet: what the workbook is, what each sheet is for and what each column takes
 * (from the layout, so it never disagrees with the sheets), an example row, how files are named
 * and how the workbook is checked.
 */
final class Instructions {

    private Instructions() {}

    static void write(XSSFSheet s, LedgerLayout layout, CellStyle title, CellStyle header, CellStyle wrap) {
        s.setColumnWidth(0, 22 * 256);
        s.setColumnWidth(1, 90 * 256);
        int[] r = {0};
        line(s, r, "文明单位创建工作台账", null, title);
        r[0]++;
        for (String text : new String[] {
                "本工作簿就是本单位一年的创建台账：平时随做随记，复查前上传到自查系统，即可看到预判结论、得分和差距清单。",
                "带 * 的列必须填写；日期请按 2025-03-14 的样式填写；有下拉箭头的列请从列表中选择，不要自己改写。",
                "请不要改动工作表名称和第1行的表头，不要合并单元格；可以增加行，多余的空行不影响检查。",
                "佐证材料：在“材料：××”列写文件名（含所在文件夹，如 2025-03/签到表0312.pdf），一行一个；"
                        + "可在文件名后加括号注明材料形成的日期，如 会议记录/0312.pdf（2025-03-14）。",
                "上传：只上传本工作簿也可检查，但材料是否齐全查不出来；把本工作簿和材料文件夹一起压缩成一个 zip 文件上传，"
                        + "系统会逐一核对表中写到的文件。",
                "示例（活动台账的一行）：日期 2025-03-12｜活动名称 学习贯彻全会精神专题学习｜活动类型 理论学习｜组织方 本单位｜"
                        + "各科室参加人数 综合科8、秘书科5｜材料：签到表 2025-03/签到表0312.pdf｜材料：照片 2025-03/IMG_0231.jpg"}) {
            line(s, r, text, null, wrap);
        }
        r[0]++;
        for (LedgerSheet sheet : layout.sheets()) {
            line(s, r, sheet.name(), sheet.purpose(), header);
            for (Column c : sheet.columns()) {
                line(s, r, c.title(), c.hint(), wrap);
            }
            r[0]++;
        }
        s.setPrintGridlines(false);
        s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        s.setFitToPage(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
    }

    private static void line(XSSFSheet s, int[] r, String a, String b, CellStyle style) {
        Row row = s.createRow(r[0]++);
        row.createCell(0).setCellValue(a);
        row.getCell(0).setCellStyle(style);
        if (b != null) {
            row.createCell(1).setCellValue(b);
            row.getCell(1).setCellStyle(style);
        } else if (a.length() > 20) {
            // A paragraph: across both columns, tall enough for its lines.
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 1));
            row.setHeightInPoints(16f * (1 + a.length() / 55));
        }
    }
}
