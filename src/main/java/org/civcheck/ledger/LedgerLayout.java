package org.civcheck.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.Word;
import org.civcheck.evidence.WordField;

/**
 * The sheets and columns of the 台账 workbook, declared once: the writer lays the workbook out
 * from them, the reader finds its way by their headers. The material columns (one per kind of
 * material) and the drop-downs come from the criteria set's vocabulary. To carry a new package
 * field, add its column here.
 */
final class LedgerLayout {

    static final String INSTRUCTIONS = "填写说明";
    static final String UNIT = "单位";
    static final String DEPARTMENTS = "科室";
    static final String PLANS = "计划制度";
    static final String ACTIVITIES = "活动台账";
    static final String INCIDENTS = "负面事件";
    static final String SURVEYS = "满意度测评";
    static final String HONORS = "荣誉";
    static final String PREVIOUS_FINDINGS = "上次反馈问题整改";
    static final String CLAIMS = "自评项目";

    private final PackageVocabulary vocabulary;
    private final List<LedgerSheet> sheets;

    private LedgerLayout(PackageVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        List<Column> materials = new ArrayList<>();
        for (Word kind : vocabulary.words(WordField.ATTACHMENT_KIND)) {
            materials.add(Column.files("材料：" + kind.name(), kind.code()));
        }
        this.sheets = List.of(
                new LedgerSheet(UNIT, "unit", true, true, null, "本单位的基本情况、材料所属期间和复查日期，每项填在B列。", List.of(
                        Column.of("单位编号", "unit.id", CellKind.TEXT, true, 30, "小写英文字母、数字和连字符，长期不变，如 qw-office"),
                        Column.of("单位名称", "unit.name", CellKind.TEXT, true, 30, "如 ××区委办公室"),
                        Column.word("文明单位级别", "unit.level", WordField.UNIT_LEVEL, true, 30, "现有（或申报）的文明单位称号级别"),
                        Column.of("获评年份", "unit.titleSince", CellKind.COUNT, false, 30, "获得称号的年份，如 2019"),
                        Column.of("在岗职工人数", "unit.staff", CellKind.COUNT, true, 30, "应等于“科室”表各科室人数之和"),
                        Column.of("党员人数", "unit.partyMembers", CellKind.COUNT, false, 30, ""),
                        Column.of("创建联络员", "unit.coordinator.name", CellKind.TEXT, false, 30, "负责创建工作的同志姓名"),
                        Column.of("联络员是否专职", "unit.coordinator.dedicated", CellKind.YES_NO, false, 30, "专职填“是”，兼职填“否”"),
                        Column.of("材料期间开始", "period.from", CellKind.DATE, true, 30, "本台账所记材料的起始日，通常为1月1日"),
                        Column.of("材料期间结束", "period.to", CellKind.DATE, true, 30, "通常为12月31日，最长3年"),
                        Column.of("复查日期", "inspectionDate", CellKind.DATE, false, 30, "计划的复查日期；不填按期间结束的次日"),
                        Column.of("注册志愿者人数", "volunteers.registered", CellKind.COUNT, false, 30, "本单位职工中的注册志愿者"))),
                new LedgerSheet(DEPARTMENTS, "unit.departments", false, true, "科室", "各科室及人数；活动台账中的“各科室参加人数”按这里的科室名称填写。", List.of(
                        Column.of("科室编号", "id", CellKind.TEXT, false, 14, "可不填，不填时用科室名称"),
                        Column.of("科室名称", "name", CellKind.TEXT, true, 20, "如 综合科"),
                        Column.of("人数", "staff", CellKind.COUNT, true, 10, "在岗人数"))),
                new LedgerSheet(PLANS, "plans", false, false, "计划第", "年度创建计划、长效制度、责任分工、工作总结等文件，一行一份。", concat(List.of(
                        Column.of("编号", "id", CellKind.TEXT, false, 10, "可不填，不填时按行号编号"),
                        Column.word("文件种类", "kind", WordField.DOCUMENT_KIND, true, 16, "从下拉列表中选择"),
                        Column.of("文件标题", "title", CellKind.TEXT, true, 36, "如 2025年文明单位创建工作计划"),
                        Column.of("印发日期", "date", CellKind.DATE, true, 12, ""),
                        Column.of("标签", "tags", CellKind.TAGS, false, 14, "自定的标签，用顿号分隔，如 关爱职工")), materials)),
                new LedgerSheet(ACTIVITIES, "activities", false, true, "台账第", "开展的每一次活动一行，随做随记。", concat(List.of(
                        Column.of("序号", "id", CellKind.TEXT, false, 8, "可不填，不填时按行号编号；复查时按序号查找"),
                        Column.of("日期", "date", CellKind.DATE, true, 12, "活动当天（多日活动填第一天）"),
                        Column.of("结束日期", "endDate", CellKind.DATE, false, 12, "多日活动的最后一天"),
                        Column.of("活动名称", "title", CellKind.TEXT, true, 32, "如 我们的节日·端午"),
                        Column.word("活动类型", "type", WordField.ACTIVITY_TYPE, true, 20, "从下拉列表中选择最接近的类型"),
                        Column.word("组织方", "organizer", WordField.ORGANIZER, false, 12, "活动由谁发起；不填按本单位"),
                        Column.of("参加人数", "participants", CellKind.COUNT, false, 10, "不填时按各科室参加人数合计"),
                        Column.of("各科室参加人数", "attendance", CellKind.DEPARTMENT_COUNTS, false, 26, "科室名称加人数，用顿号分隔，如 综合科8、秘书科5"),
                        Column.of("志愿服务时长（小时）", "volunteerHours", CellKind.QUANTITY, false, 12, "志愿服务活动的总时长"),
                        Column.of("金额（元）", "amount", CellKind.QUANTITY, false, 12, "捐款捐物的金额"),
                        Column.of("特色品牌", "tags", CellKind.FEATURED, false, 10, "本单位的特色品牌活动填“是”"),
                        Column.of("标签", "tags", CellKind.TAGS, false, 14, "自定的标签，用顿号分隔")), materials)),
                new LedgerSheet(INCIDENTS, "incidents", false, false, "事件第", "本期间内发生的违纪违法、安全事故等负面事件，一件一行；没有就空着。", List.of(
                        Column.of("编号", "id", CellKind.TEXT, false, 10, "可不填，不填时按行号编号"),
                        Column.of("发生日期", "date", CellKind.DATE, true, 12, ""),
                        Column.word("事件类型", "type", WordField.INCIDENT_TYPE, true, 18, "从下拉列表中选择"),
                        Column.word("严重程度", "severity", WordField.SEVERITY, true, 10, "从下拉列表中选择"),
                        Column.of("情况说明", "description", CellKind.TEXT, false, 40, ""),
                        Column.of("是否已整改", "resolved", CellKind.YES_NO, false, 10, "是 或 否"),
                        wordOrText("涉及人员", "role", WordField.ROLE, 12, "从下拉列表中选择涉及人员的身份；不填按未说明"),
                        Column.of("涉及人数", "count", CellKind.COUNT, false, 10, "本行代表的人数或次数，不填按1"))),
                new LedgerSheet(SURVEYS, "surveys", false, false, null, "职工或群众满意度测评，一次一行。", List.of(
                        Column.word("测评对象", "kind", WordField.SURVEY_KIND, true, 10, "从下拉列表中选择"),
                        Column.of("测评日期", "date", CellKind.DATE, true, 12, ""),
                        Column.of("参与人数", "respondents", CellKind.COUNT, true, 10, "至少1人"),
                        Column.of("满意人数", "satisfied", CellKind.COUNT, true, 10, "不多于参与人数"))),
                new LedgerSheet(HONORS, "honors", false, false, null, "本期间获得的荣誉，一项一行。", List.of(
                        Column.of("荣誉名称", "title", CellKind.TEXT, true, 36, "如 市级文明单位"),
                        Column.word("级别", "level", WordField.HONOR_LEVEL, true, 10, "从下拉列表中选择"),
                        Column.of("获得日期", "date", CellKind.DATE, true, 12, ""))),
                new LedgerSheet(PREVIOUS_FINDINGS, "previousFindings", false, false, "问题第", "上次复查反馈的问题及整改落实情况，一个问题一行；没有就空着。", List.of(
                        Column.of("编号", "id", CellKind.TEXT, false, 10, "可不填，不填时按行号编号"),
                        Column.of("反馈问题", "finding", CellKind.TEXT, true, 40, "照录上次复查反馈的问题"),
                        Column.of("是否已整改", "rectified", CellKind.YES_NO, true, 10, "是 或 否"),
                        Column.of("整改完成日期", "rectifiedOn", CellKind.DATE, false, 12, "已整改的填写完成日期"),
                        Column.of("整改材料", "files", CellKind.FILE_NAMES, false, 28, FILE_NAMES_HINT))),
                new LedgerSheet(CLAIMS, "claims", false, false, null, "只能由复查组实地考察、问卷或征求意见评定的指标，本单位的自评分，一项一行。", List.of(
                        wordOrText("指标", "indicator", WordField.SELF_RATED_INDICATOR, 30, "从下拉列表中选择需要自评的指标"),
                        Column.of("自评分", "score", CellKind.QUANTITY, true, 10, "不超过该指标的分值"),
                        Column.of("自评说明", "note", CellKind.TEXT, true, 40, "自评的理由，不超过500字"),
                        Column.of("佐证材料", "files", CellKind.FILE_NAMES, false, 28, FILE_NAMES_HINT))));
    }

    /** The layout for a criteria set whose words are {@code vocabulary}. */
    static LedgerLayout of(PackageVocabulary vocabulary) {
        return new LedgerLayout(vocabulary);
    }

    PackageVocabulary vocabulary() {
        return vocabulary;
    }

    /** The data sheets, in the workbook's order (after 填写说明). */
    List<LedgerSheet> sheets() {
        return sheets;
    }

    Optional<LedgerSheet> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static final String FILE_NAMES_HINT = "文件名（含所在文件夹），一行一个，如 整改/整改报告.pdf";

    /**
     * A drop-down of {@code field}'s words when the set declares some; otherwise free text read as
     * the word's code or name. The indicator of a claim is required; the role of an incident is not.
     */
    private Column wordOrText(String header, String field, WordField words, int width, String hint) {
        boolean required = field.equals("indicator");
        return vocabulary.words(words).isEmpty()
                ? Column.of(header, field, CellKind.TEXT, required, width, "")
                : Column.word(header, field, words, required, width, hint);
    }

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
