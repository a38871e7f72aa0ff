package org.civcheck.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplePackageTest {

    private final PackageReading reading = TestPackages.read(TestPackages.example());

    @Test
    void examplePackageIsAcceptedWithoutWarningsButThatItsAttachmentsWereNotVerified() {
        assertEquals(List.of(), reading.faults());
        assertEquals(List.of(), TestPackages.otherWarnings(reading));
        assertTrue(reading.isAccepted());
    }

    @Test
    void unitIsBoundWithDepartmentsAndCoordinator() {
        Unit unit = reading.evidence().unit();
        assertEquals(new Unit("jd-street-office", "××街道办事处", "municipal", 2020, 24, 17,
                List.of(new Department("dzb", "党政办", 9), new Department("sqb", "社区建设办", 8),
                        new Department("pab", "平安办", 7)),
                new Unit.Coordinator("赵××", false)), unit);
    }

    @Test
    void topLevelFieldsAreBoundAndVolunteersRegisteredBecomesRegisteredVolunteers() {
        EvidencePackage evidence = reading.evidence();
        assertEquals(1, evidence.schemaVersion());
        assertEquals(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), evidence.period());
        assertEquals(LocalDate.of(2026, 1, 15), evidence.inspectionDate());
        assertEquals(15, evidence.registeredVolunteers());
        assertEquals(List.of(new Honor("区级优秀志愿服务组织", "county", LocalDate.of(2025, 12, 5))), evidence.honors());
        assertEquals(List.of(new Incident("inc-1", "safety-accident", LocalDate.of(2025, 8, 2), "minor",
                "办公楼电动车充电处起火，无人员伤亡，已整改", true)), evidence.incidents());
        assertEquals(List.of(new Survey("public", 150, 139, LocalDate.of(2025, 11, 28))), evidence.surveys());
    }

    @Test
    void plansAreBoundWithTheirAttachments() {
        assertEquals(List.of(new PlanDocument("doc-1", "annual-plan", "2025年文明单位创建工作方案", LocalDate.of(2025, 2, 18),
                List.of(new Attachment("document", "plans/2025-fangan.pdf", LocalDate.of(2025, 2, 18), true)))),
                reading.evidence().plans());
    }

    @Test
    void activitiesAreBoundWithEveryField() {
        List<Activity> activities = reading.evidence().activities();
        assertEquals(new Activity("a-001", "theory-study", "集中理论学习", LocalDate.of(2025, 3, 6), null, "self",
                Map.of("dzb", 8, "sqb", 6, "pab", 3), null, null, null, List.of(),
                List.of(new Attachment("minutes", "study/0306.pdf", LocalDate.of(2025, 3, 6), true),
                        new Attachment("attendance-sheet", "study/0306-sign.jpg", LocalDate.of(2025, 3, 6), true))),
                activities.get(0));
        assertEquals(21.0, activities.get(1).volunteerHours());
        assertEquals("civilization-office", activities.get(1).organizer());
        assertEquals(20, activities.get(2).participants());
        assertEquals(List.of("featured"), activities.get(2).tags());
        assertEquals(3600.0, activities.get(3).amount());
        assertEquals(new Attachment("receipt", "receipts/0630.pdf", null, true), activities.get(3).attachments().get(0));
    }

    @Test
    void absentOptionalFieldsGetTheirDefaults() {
        var pkg = TestPackages.example();
        TestPackages.object(pkg, "/activities/0").remove("organizer");
        TestPackages.object(pkg, "/incidents/0").remove("resolved");
        pkg.remove("volunteers");
        pkg.remove("inspectionDate");
        pkg.remove("honors");

        EvidencePackage evidence = TestPackages.read(pkg).evidence();

        assertEquals("self", evidence.activities().get(0).organizer());
        assertFalse(evidence.incidents().get(0).resolved());
        assertNull(evidence.registeredVolunteers());
        assertNull(evidence.inspectionDate());
        assertEquals(List.of(), evidence.honors());
    }

    @Test
    void packageIsReadFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2025.json");
        Files.write(file, TestPackages.bytes(TestPackages.example()));

        PackageReading fromFile = new EvidencePackageReader(ReadLimits.defaults()).read(file);

        assertEquals(reading, fromFile);
    }

    @Test
    void missingFileIsAFaultNamingTheFile(@TempDir Path dir) {
        PackageReading missing = new EvidencePackageReader(ReadLimits.defaults()).read(dir.resolve("none.json"));

        assertEquals(List.of(new InputProblem("none.json", "文件不存在")), missing.faults());
    }

    @Test
    void packageWithAByteOrderMarkIsAccepted() {
        byte[] json = TestPackages.bytes(TestPackages.example());
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        assertEquals(reading, TestPackages.read(withBom));
    }
}
