package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 自查报告 of a unit checked against the national table (criteria/national-2012) reads in that
 * set's wording — its title, parts, the table's items as sections, the unit's own 说明 of the contents
 * only an inspector can see, each gap as the national wording states it — and not in the provincial
 * set's. The city's overlay of the national set writes the same; an overlay's own report.yaml
 * changes only what it gives.
 */
class NationalDraftTest {

    static final Path NATIONAL = Path.of("criteria/national-2012");
    static final Path CITY = Path.of("criteria/national-city-example");
    static final Path HOSPITAL = Path.of("examples/national-2012/county-hospital.json");
    static final LocalDate SIGNED = LocalDate.of(2026, 1, 10);

    @TempDir
    static Path dir;

    private static Assessor national;
    private static Assessor city;

    @BeforeAll
    static void loadBothSets() {
        national = load(NATIONAL);
        city = load(CITY);
    }

    private static Assessor load(Path set) {
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        return loading.assessor();
    }

    private static ReportDraft draft(Assessor assessor, Path folder, byte[] json) throws IOException {
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(json, "county-hospital.json",
                org.civcheck.evidence.ReadBudget.NONE, assessor.vocabulary());
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        Assessment a = assessor.assess(reading.evidence(), reading.warnings());
        return ReportDrafts.draft(a, reading.evidence(), assessor.criteria(), folder, SIGNED);
    }

    private static List<String> headings(ReportDraft d) {
        return d.parts().get(0).sections().stream().map(ReportDraft.Section::heading).toList();
    }

    @Test
    void theHospitalsDraftReadsInTheNationalWording() throws IOException {
        ReportDraft d = draft(national, NATIONAL, Files.readAllBytes(HOSPITAL));
        assertEquals("××县人民医院关于2025年度全国文明单位创建工作的自查报告", d.title());
        assertTrue(d.intro().contains("对照全国文明单位测评体系（试行，2012年版）的13个测评项目，逐项查摆、逐项推进"), d.intro());
        assertEquals(List.of("一、对照测评体系开展创建工作的情况", "二、对照测评体系查找的主要问题", "三、整改措施和下步打算"),
                d.parts().stream().map(ReportDraft.Part::title).toList());
        assertEquals(List.of("（一）加强组织领导，健全创建工作机制", "（二）深入开展学雷锋和志愿服务活动",
                "（三）建设道德讲堂，开展道德经典诵读", "（四）建设学习型单位", "（五）培育文明有礼风尚，倡导勤俭节约",
                "（六）开展“我们的节日”和文化体育活动", "（七）传播文明风尚", "（八）参与帮扶共建", "（九）提升优质服务水平",
                "（十）实地考察和问卷调查内容自查情况"), headings(d));
        String work = String.join("\n", DraftFixtures.paragraphs(d, 0));
        assertTrue(work.contains("全年举办道德讲堂4场"), work);
        assertTrue(work.contains("全年开展道德经典诵读4次"), work);
        assertTrue(work.contains("印发专项活动方案1份（2025年2月10日）"), work);
        assertTrue(work.contains("开展服务对象满意度测评，400人参加，满意率93%"), work);
        assertTrue(work.contains("对照测评体系中由测评组实地考察、问卷调查的内容，××县人民医院自查情况如下。"
                + "一是道德讲堂有固定场所、标识和氛围：门诊楼五楼设道德讲堂，悬挂标识，墙面展示本院身边好人；"), work);
        assertTrue(work.contains("七是禁烟标识和无烟环境：全院为无烟医院，各楼层张贴禁烟标识，控烟监督员每日巡查。"), work);
        for (String provincial : List.of("创建工作中存在的主要问题", "持续巩固省级文明单位创建成果。现将创建工作自查情况",
                "主动融入文明城市创建", "统筹做好其他工作")) {
            assertFalse(d.toString().contains(provincial), "the provincial wording: " + provincial);
        }
        assertEquals("附件：对照测评体系的问题与佐证清单", d.appendixNote());
    }

    @Test
    void aGapIsStatedInTheNationalWordsForItsContent() throws IOException {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(HOSPITAL.toFile());
        ArrayNode plans = (ArrayNode) json.get("plans");
        plans.remove(0); // 2025年学雷锋活动总体方案
        ReportDraft d = draft(national, NATIONAL, new ObjectMapper().writeValueAsBytes(json));
        List<String> problems = DraftFixtures.paragraphs(d, 1);
        assertEquals("对照全国文明单位测评体系（试行，2012年版）逐项自查，××县人民医院的创建工作取得了一定成效，但也还存在一些差距和不足。",
                problems.get(0));
        assertEquals("一是对文明创建工作认识还不够深入，长效机制不够健全。年度学雷锋活动总体方案还未制定，责任部门、责任人和活动安排不够明确。",
                problems.get(1));
        assertEquals(List.of("1", "年度学雷锋活动总体方案，明确责任部门、责任人和活动安排", "未制定学雷锋活动总体方案，要求不少于1份", "4", ""),
                d.appendix().rows().get(0));
    }

    @Test
    void theCitysOverlayWritesInTheNationalWording() throws IOException {
        ReportDraft d = draft(city, CITY, Files.readAllBytes(HOSPITAL));
        assertEquals("××县人民医院关于2025年度全国文明单位创建工作的自查报告", d.title());
        assertTrue(d.intro().contains("对照××市文明单位测评体系（示例，依全国文明单位测评体系）的13个测评项目"), d.intro());
        assertEquals("（十）实地考察和问卷调查内容自查情况", headings(d).get(9));
        String problems = String.join("\n", DraftFixtures.paragraphs(d, 1));
        assertTrue(problems.contains("道德讲堂举办还不够经常"), problems);
    }

    @Test
    void anOverlaysOwnReportYamlChangesOnlyTheKeysItGives() throws IOException {
        Path overlay = dir.resolve("county-overlay");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("overlay.yaml"), "base: " + CITY.toAbsolutePath() + "\n"
                + "id: county-overlay\nname: ××县文明单位测评体系\nversion: \"1\"\n");
        Files.writeString(overlay.resolve("report.yaml"), """
                addressee: "县文明委："
                parts: { next: 三、整改措施 }
                """);
        ReportDraft d = draft(load(overlay), overlay, Files.readAllBytes(HOSPITAL));
        assertEquals("县文明委：", d.addressee());
        assertEquals(List.of("一、对照测评体系开展创建工作的情况", "二、对照测评体系查找的主要问题", "三、整改措施"),
                d.parts().stream().map(ReportDraft.Part::title).toList(), "parts.work and parts.problems are the base's");
        assertEquals("××县人民医院关于2025年度全国文明单位创建工作的自查报告", d.title());
    }

    @Test
    void anOverlaysFaultyReportYamlIsNamedWithTheFileItLiesOn() throws IOException {
        Path overlay = dir.resolve("faulty-overlay");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("overlay.yaml"), "base: " + NATIONAL.toAbsolutePath() + "\n"
                + "id: faulty\nname: ××县\nversion: \"1\"\n");
        Files.writeString(overlay.resolve("report.yaml"), "problems: { lead: \"{ordinal}{titel}\" }\n");
        DraftTemplateException e = org.junit.jupiter.api.Assertions.assertThrows(DraftTemplateException.class,
                () -> DraftTemplates.load(overlay));
        assertEquals(List.of(overlay.resolve("report.yaml") + "（叠加于 " + NATIONAL.toAbsolutePath().resolve("report.yaml")
                + "）: 模板 problems.lead 中的 {titel} 不是可用的占位符（可用：ordinal、title）"), e.faults());
    }

    @Test
    void everyContentOfTheNationalSetHasItsStatementAndEverySectionNamesItsTypes() {
        DraftTemplates wording = DraftTemplates.load(NATIONAL);
        CriteriaSet set = national.criteria();
        for (Indicator i : set.indicators()) {
            assertTrue(wording.statement(i.id()).isPresent(), "problems.indicators." + i.id());
        }
        wording.sections().forEach(s -> s.types().forEach(type ->
                assertTrue(set.taxonomy().activityType(type).isPresent(), type + " in " + s.heading())));
    }
}
