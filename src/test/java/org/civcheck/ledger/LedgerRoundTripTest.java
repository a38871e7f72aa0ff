package org.civcheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civcheck.engine.Assessor;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Attachment;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PackageReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example package, written out as a workbook and read back, scores exactly as its JSON does. */
class LedgerRoundTripTest {

    static Stream<Path> examples() throws Exception {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".zip")).sorted();
    }

    /** The package with each activity's material in one order: a workbook groups it by kind. */
    static EvidencePackage sorted(EvidencePackage p) {
        Comparator<Attachment> order = Comparator.comparing(Attachment::kind).thenComparing(Attachment::file);
        List<Activity> activities = p.activities().stream().map(a -> new Activity(a.id(), a.type(), a.title(), a.date(),
                a.endDate(), a.organizer(), a.attendance(), a.participants(), a.volunteerHours(), a.amount(), a.tags(),
                a.attachments().stream().sorted(order).toList())).toList();
        return new EvidencePackage(p.schemaVersion(), p.unit(), p.period(), p.inspectionDate(), p.plans(), activities,
                p.registeredVolunteers(), p.honors(), p.incidents(), p.surveys(), p.previousFindings(), p.claims());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void anExampleAsAWorkbookScoresAsItsJson(Path example) throws Exception {
        PackageReading json = Ledgers.read(Files.readAllBytes(example), example.getFileName().toString());
        byte[] workbook = LedgerWriter.export(json.evidence(), Ledgers.assessor().vocabulary());
        PackageReading back = Ledgers.read(workbook, "台账.xlsx");
        assertTrue(back.isAccepted(), () -> back.faults().toString());
        assertEquals(sorted(json.evidence()), sorted(back.evidence()));
        assertEquals(Ledgers.score(json), Ledgers.score(back));
    }

    /**
     * The county hospital under the national set: its own words (专项活动方案, 道德经典诵读), a document
     * tagged 关爱职工 and seven claims come back from the workbook and score the same (99, the tag
     * deciding one indicator).
     */
    @Test
    void theNationalSetsHospitalAsAWorkbookKeepsItsWordsTagsAndClaims() throws Exception {
        var loading = org.civcheck.engine.AssessorLoading.load(Path.of("criteria/national-2012"), Path.of("rules"));
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        Assessor national = loading.assessor();
        Path hospital = Path.of("examples/national-2012/county-hospital.json");
        PackageReading json = Ledgers.read(Files.readAllBytes(hospital), "county-hospital.json", national);
        assertTrue(json.isAccepted(), () -> json.faults().toString());
        byte[] workbook = LedgerWriter.export(json.evidence(), national.vocabulary());
        PackageReading back = Ledgers.read(workbook, "台账.xlsx", national);
        assertTrue(back.isAccepted(), () -> back.faults().toString());
        assertEquals(List.of("关爱职工"), back.evidence().plans().get(2).tags());
        assertEquals(sorted(json.evidence()), sorted(back.evidence()));
        assertEquals(Ledgers.score(national, json), Ledgers.score(national, back));
    }

    /**
     * The library with two disciplined leaders in one incident row (a veto only when role and
     * count survive), the last review's two findings (one rectified, with its files) and a claim
     * for the self-rated item: as a workbook it reads back the same and scores the same.
     */
    static byte[] reviewedLibrary() throws Exception {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Path.of("examples/well-run-library.json").toFile());
        root.putArray("incidents").addObject().put("id", "inc-1").put("type", "discipline-violation")
                .put("date", "2025-06-03").put("severity", "minor").put("description", "两名班子成员违规收受礼品")
                .put("resolved", true).put("role", "leader").put("count", 2);
        ArrayNode findings = root.putArray("previousFindings");
        ObjectNode rectified = findings.addObject().put("id", "f-1").put("finding", "志愿服务活动记录不全").put("rectified", true)
                .put("rectifiedOn", "2025-04-30");
        rectified.putArray("files").add("整改/志愿服务记录整改报告.pdf").add("整改/照片.jpg");
        findings.addObject().put("id", "f-2").put("finding", "道德讲堂未按季度开讲").put("rectified", false);
        ObjectNode claim = root.putArray("claims").addObject().put("indicator", "notice-board").put("score", 2.5)
                .put("note", "宣传栏每月更新，道德讲堂全年开讲6次");
        claim.putArray("files").add("自评/宣传栏照片.jpg");
        return new ObjectMapper().writeValueAsBytes(root);
    }

    @Test
    void rolesCountsFindingsAndClaimsGoThroughTheWorkbookAndScoreAsTheirJson() throws Exception {
        Assessor review = Ledgers.reviewAssessor();
        PackageReading json = Ledgers.read(reviewedLibrary(), "library.json", review);
        assertTrue(json.isAccepted(), () -> json.faults().toString());
        byte[] workbook = LedgerWriter.export(json.evidence(), review.vocabulary());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertEquals("班子成员", book.getSheet("负面事件").getRow(1).getCell(6).getStringCellValue());
            assertEquals("宣传栏、道德讲堂场所", book.getSheet("自评项目").getRow(1).getCell(0).getStringCellValue());
            assertEquals("整改/志愿服务记录整改报告.pdf\n整改/照片.jpg",
                    book.getSheet("上次反馈问题整改").getRow(1).getCell(4).getStringCellValue());
        }
        PackageReading back = Ledgers.read(workbook, "台账.xlsx", review);
        assertTrue(back.isAccepted(), () -> back.faults().toString());
        assertEquals(sorted(json.evidence()), sorted(back.evidence()));
        String score = Ledgers.score(review, back);
        assertEquals(Ledgers.score(review, json), score);
        assertTrue(score.contains("班子成员2名以上受到党纪政务处分"), score);
        assertEquals(2.5, review.assess(back.evidence(), back.warnings(), false).claims().claimedByUnit());
    }

    @Test
    void theBlankTemplateOffersTheSetsRolesAndSelfRatedItemsAndSaysWhatTheNewSheetsAreFor() throws Exception {
        byte[] template = LedgerWriter.template(Ledgers.reviewAssessor().vocabulary());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> choices = new java.util.ArrayList<>();
            book.getSheet("选项").forEach(row -> row.forEach(cell -> choices.add(cell.getStringCellValue())));
            assertTrue(choices.containsAll(List.of("班子成员", "职工", "宣传栏、道德讲堂场所")), choices.toString());
            List<String> instructions = new java.util.ArrayList<>();
            book.getSheet("填写说明").forEach(row -> row.forEach(cell -> instructions.add(cell.getStringCellValue())));
            assertTrue(instructions.containsAll(List.of("上次反馈问题整改", "自评项目", "涉及人员", "涉及人数", "自评说明*")),
                    instructions.toString());
        }
    }
}
