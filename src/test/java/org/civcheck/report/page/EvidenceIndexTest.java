package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.PlanDocument;
import org.junit.jupiter.api.Test;

class EvidenceIndexTest {

    private static EvidenceIndex index() {
        return EvidenceIndex.of(PageFixtures.evidence(LocalDate.of(2026, 1, 20),
                List.of(PageFixtures.activity("act-0002", "festival", LocalDate.of(2025, 5, 1)),
                        PageFixtures.activity("act-0001", "theory-study", LocalDate.of(2025, 3, 1))),
                List.of(new PlanDocument("doc-01", "annual-plan", "年度计划", LocalDate.of(2025, 2, 1), List.of())),
                List.of(new Incident("inc-1", "discipline-violation", LocalDate.of(2025, 9, 3), "serious", "立案审查",
                        false))),
                Vocabulary.of(PageFixtures.criteria()));
    }

    @Test
    void evidenceIdsLinkToAnchorsByKind() {
        EvidenceIndex index = index();

        assertEquals("#act-act-0001", index.link("act-0001").href());
        assertEquals("#doc-doc-01", index.link("doc-01").href());
        assertEquals("#inc-inc-1", index.link("inc-1").href());
        assertEquals("第2项活动 · 2025年3月1日 活动act-0001", index.link("act-0001").label());
        assertEquals("第1份文件 · 2025年2月1日 年度计划", index.link("doc-01").label());
        assertEquals("立案审查", index.link("inc-1").text());
    }

    @Test
    void anIdTheIndexDoesNotHoldHasNoHref() {
        EvidenceIndex.EvidenceLink link = index().link("act-9999");

        assertNull(link.href());
        assertNull(link.label(), "nothing to name it by but its id");
        assertNull(link.shortDate());
    }

    @Test
    void charactersOutsideTheSafeSetArePercentEncodedInAnchors() {
        assertEquals("act-%E6%B4%BB%E5%8A%A8%201", EvidenceIndex.anchor("act-", "活动 1"));
        assertEquals("act-a%22%3E%3Cb", EvidenceIndex.anchor("act-", "a\"><b"));
        assertEquals("act-A_b.c-1", EvidenceIndex.anchor("act-", "A_b.c-1"));
    }

    @Test
    void rowsAreInDateOrderWithNamesFromTheCriteria() {
        EvidenceIndex index = index();

        // Shown by their place in the package's list (台账序号), never by their ids.
        assertEquals(List.of("第2项", "第1项"), index.activities().stream().map(EvidenceIndex.ActivityRow::id).toList());
        assertEquals("理论学习", index.activities().get(0).type());
        assertEquals("本单位", index.activities().get(0).organizer());
        assertEquals("act-act-0001", index.activities().get(0).anchor());
        assertEquals("年度创建计划", index.documents().get(0).kind());
        assertEquals("严重", index.incidents().get(0).severity());
        assertEquals("违纪违法", index.incidents().get(0).type());
    }

    @Test
    void pastTheLimitOnlyCitedActivitiesAreListedAndLinked() {
        List<org.civcheck.evidence.Activity> many = java.util.stream.IntStream.range(0, EvidenceIndex.LIST_LIMIT + 1)
                .mapToObj(i -> PageFixtures.activity(String.format("a%04d", i), "festival", LocalDate.of(2025, 4, 1)))
                .toList();

        EvidenceIndex index = EvidenceIndex.of(PageFixtures.evidence(LocalDate.of(2026, 1, 20), many),
                Vocabulary.none(), java.util.Set.of("a0005", "a0999"));

        assertEquals(List.of("第6项", "第1000项"), index.activities().stream().map(EvidenceIndex.ActivityRow::id).toList());
        assertEquals(999, index.omittedActivities());
        assertEquals("#act-a0999", index.link("a0999").href());
        assertNull(index.link("a0006").href());
        assertEquals("2025年4月1日", index.link("a0006").date());
    }

    @Test
    void withoutAPackageNothingIsAvailable() {
        EvidenceIndex index = EvidenceIndex.of(null, Vocabulary.none());

        assertFalse(index.available());
        assertNull(index.link("act-0001").href());
    }
}
