package org.civcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.civcheck.register.Register;
import org.civcheck.register.RegisterFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overview's numbers on a seeded set of units, whatever the database: five units in three
 * districts of two cities, one never checked, one checked twice.
 */
abstract class OverviewStoreContract {

    abstract String freshDatabaseUrl() throws Exception;

    abstract void dropDatabase() throws Exception;

    static final String REGISTER = """
            单位编号,单位名称,文明单位级别,省,市,区县
            qw-office,区委办公室,市级,江苏省,南京市,玄武区
            xw-library,玄武区图书馆,县级,江苏省,南京市,玄武区
            qh-school,秦淮中学,市级,江苏省,南京市,秦淮区
            gs-bank,姑苏银行,省级,江苏省,苏州市,姑苏区
            gs-water,姑苏水务,市级,江苏省,苏州市,姑苏区
            """;

    String url;
    Database db;

    @BeforeEach
    void seed() throws Exception {
        url = freshDatabaseUrl();
        db = Database.open(url);
        RegisterFile.Reading reading = RegisterFile.read("名册.csv", REGISTER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(reading.isAccepted(), reading.problems().toString());
        register().importRegister(reading.register());
        AssessmentStore store = new AssessmentStore(db.dataSource());
        store.save(result("qw-office", "not-ready", 55, gap("signature-activity", "特色活动", "diversity", "形式不够多样", 3)));
        store.save(result("qw-office", "at-risk", 82, gap("signature-activity", "特色活动", "diversity", "形式不够多样", 3),
                gap("volunteer-months", "志愿服务常态化", "mechanism", "长效机制不健全", 2)));
        store.save(result("xw-library", "ready", 92));
        store.save(result("qh-school", "vetoed", 70, gap("signature-activity", "特色活动", "diversity", "形式不够多样", 3)));
        store.save(result("gs-bank", "not-ready", 60, gap("volunteer-months", "志愿服务常态化", "mechanism", "长效机制不健全", 4)));
        // gs-water: never checked
    }

    @AfterEach
    void drop() throws Exception {
        if (db == null) {
            return; // skipped: no database was opened (PostgreSQL not configured)
        }
        db.close();
        dropDatabase();
    }

    UnitRegister register() {
        return new UnitRegister(db.dataSource());
    }

    OverviewStore overview() {
        return new OverviewStore(db.dataSource());
    }

    @Test
    void everyUnitHasOneRowWithItsLatestCheckAndTheChangeSinceTheOneBefore() {
        Overview o = overview().overview(OverviewQuery.of(null), 1, 20, 10);

        assertEquals(5, o.total());
        assertEquals(List.of("qh-school", "gs-bank", "qw-office", "xw-library", "gs-water"),
                o.rows().stream().map(OverviewRow::unitId).toList(), "the worst verdict first, never checked last");
        OverviewRow office = o.rows().get(2);
        assertEquals("at-risk", office.verdict());
        assertEquals(82.0, office.score());
        assertEquals(27.0, office.change());
        assertEquals("not-ready", office.previousVerdict());
        assertEquals("江苏省/南京市/玄武区", office.regionId());
        assertEquals("municipal", office.level());
        OverviewRow water = o.rows().get(4);
        assertNull(water.checkedAt());
        assertNull(water.verdict());
        assertNull(o.rows().get(3).change(), "checked once: no change");
    }

    @Test
    void aUnitWhoseLatestCheckWasMadeDuringTheYearShowsItsProgressAndItsDay() {
        NewAssessment whole = result("gs-bank", "not-ready", 61);
        new AssessmentStore(db.dataSource()).save(new NewAssessment(whole.unitId(), whole.unitName(), whole.verdict(), whole.score(), whole.maxScore(),
                whole.criteriaId(), whole.criteriaVersion(), whole.criteriaSha256(), whole.packageBytes(),
                whole.packageMediaType(), whole.packageName(), whole.resultJson(), java.time.LocalDate.of(2025, 6, 30),
                "behind"));

        Overview o = overview().overview(OverviewQuery.of(null), 1, 20, 10);
        OverviewRow bank = o.rows().stream().filter(r -> r.unitId().equals("gs-bank")).findFirst().orElseThrow();
        OverviewRow library = o.rows().stream().filter(r -> r.unitId().equals("xw-library")).findFirst().orElseThrow();

        assertEquals("behind", bank.progressVerdict());
        assertEquals(java.time.LocalDate.of(2025, 6, 30), bank.asOf());
        assertEquals("明显滞后（截至2025年6月30日）", org.civcheck.overview.OverviewWords.progress(bank));
        assertNull(library.progressVerdict(), "a whole-period check has no progress");
        assertEquals("", org.civcheck.overview.OverviewWords.progress(library));
    }

    @Test
    void theVerdictsAndCommonGapsCountTheSelectedUnitsLatestChecksOnly() {
        Overview o = overview().overview(OverviewQuery.of(null), 1, 20, 10);

        assertEquals(Map.of("ready", 1L, "at-risk", 1L, "not-ready", 1L, "vetoed", 1L, "unchecked", 1L), o.verdicts());
        assertEquals("signature-activity", o.indicators().get(0).code());
        assertEquals(2, o.indicators().get(0).units(), "qw-office's first check no longer counts");
        assertEquals("特色活动", o.indicators().get(0).name());
        assertEquals(2, o.indicators().get(1).units());
        assertEquals(List.of("diversity", "mechanism"), o.problems().stream().map(Overview.CommonGap::code).sorted().toList());
    }

    @Test
    void aRegionHoldsItsUnitsAndThoseOfTheRegionsBelowItAndNoNeighbours() {
        Overview nanjing = overview().overview(OverviewQuery.of("江苏省/南京市"), 1, 20, 10);
        Overview xuanwu = overview().overview(OverviewQuery.of("江苏省/南京市/玄武区"), 1, 20, 10);
        Overview suzhou = overview().overview(OverviewQuery.of("江苏省/苏州市"), 1, 20, 10);

        assertEquals(List.of("qh-school", "qw-office", "xw-library"), nanjing.rows().stream().map(OverviewRow::unitId).toList());
        assertEquals(2, xuanwu.total());
        assertEquals(List.of("gs-bank", "gs-water"), suzhou.rows().stream().map(OverviewRow::unitId).toList());
        assertEquals(1, suzhou.indicators().size());
        assertEquals("volunteer-months", suzhou.indicators().get(0).code());
        assertTrue(register().isWithin("qh-school", "江苏省/南京市"));
        assertTrue(!register().isWithin("qh-school", "江苏省/南京"), "a prefix of a name is no region");
        assertTrue(!register().isWithin("gs-bank", "江苏省/南京市"));
    }

    @Test
    void filtersByLevelVerdictDateAndGapAndPagesAndSorts() {
        OverviewQuery all = OverviewQuery.of(null);
        assertEquals(3, overview().overview(new OverviewQuery(null, "municipal", null, null, null, null,
                OverviewQuery.Sort.NAME, false), 1, 20, 10).total());
        assertEquals(List.of("gs-water"), overview().overview(all.withVerdict(OverviewQuery.UNCHECKED), 1, 20, 10)
                .rows().stream().map(OverviewRow::unitId).toList());
        Overview vetoed = overview().overview(all.withVerdict("vetoed"), 1, 20, 10);
        assertEquals(1, vetoed.total());
        assertEquals(5, vetoed.verdicts().values().stream().mapToLong(Long::longValue).sum(), "the chart keeps every verdict");
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        assertEquals(5, overview().overview(new OverviewQuery(null, null, null, tomorrow, null, null,
                OverviewQuery.Sort.NAME, false), 1, 20, 10).total());
        assertEquals(1, overview().overview(new OverviewQuery(null, null, null, yesterday, null, null,
                OverviewQuery.Sort.NAME, false), 1, 20, 10).total(), "only the unit never checked");
        assertEquals(List.of("qh-school", "qw-office"), overview().overview(
                all.withGap(OverviewQuery.INDICATOR, "signature-activity"), 1, 20, 10)
                .rows().stream().map(OverviewRow::unitId).toList());
        Overview second = overview().overview(new OverviewQuery(null, null, null, null, null, null,
                OverviewQuery.Sort.SCORE, true), 2, 2, 10);
        assertEquals(5, second.total());
        assertEquals(List.of("qh-school", "gs-bank"), second.rows().stream().map(OverviewRow::unitId).toList(),
                "92, 82 | 70, 60 on page 2");
        assertEquals(List.of("qw-office"), overview().overview(new OverviewQuery(null, null, null, null, null, null,
                OverviewQuery.Sort.CHANGE, true), 1, 1, 10).rows().stream().map(OverviewRow::unitId).toList());
    }

    @Test
    void theTotalIsTheNumberOfUnitsListedUnderEachVerdictRegionAndGapFilter() {
        for (String region : java.util.Arrays.asList(null, "江苏省/南京市", "江苏省/苏州市/姑苏区")) {
            OverviewQuery inRegion = OverviewQuery.of(region);
            Overview all = overview().overview(inRegion, 1, 200, 10);
            assertEquals(all.rows().size(), all.total(), "every unit of " + region);
            for (String verdict : List.of("ready", "at-risk", "not-ready", "vetoed", OverviewQuery.UNCHECKED)) {
                Overview some = overview().overview(inRegion.withVerdict(verdict), 1, 200, 10);
                assertEquals(some.rows().size(), some.total(), verdict + " in " + region);
                assertEquals(all.verdicts().get(verdict), some.total(), "the bar of " + verdict + " in " + region);
                assertTrue(some.rows().stream().allMatch(r -> verdict.equals(r.verdict() == null ? OverviewQuery.UNCHECKED
                        : r.verdict())), verdict + " in " + region);
            }
            Overview withGap = overview().overview(inRegion.withGap(OverviewQuery.PROBLEM, "diversity"), 1, 200, 10);
            assertEquals(withGap.rows().size(), withGap.total(), "units with the gap in " + region);
        }
        assertEquals(0, overview().overview(OverviewQuery.of("江苏省/苏州市").withVerdict("ready"), 1, 20, 10).total());
    }

    @Test
    void theCommonGapsFollowTheVerdictAndDateFiltersAndEachKindHasItsOwnLimit() {
        Overview vetoed = overview().overview(OverviewQuery.of(null).withVerdict("vetoed"), 1, 20, 10);
        assertEquals(List.of("signature-activity"), vetoed.indicators().stream().map(Overview.CommonGap::code).toList());
        assertEquals(1, vetoed.indicators().get(0).units());
        assertEquals(List.of("diversity"), vetoed.problems().stream().map(Overview.CommonGap::code).toList());
        assertEquals("形式不够多样", vetoed.problems().get(0).name());

        assertTrue(overview().overview(OverviewQuery.of(null).withVerdict(OverviewQuery.UNCHECKED), 1, 20, 10)
                .indicators().isEmpty(), "a unit never checked has no gaps");
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        assertTrue(overview().overview(new OverviewQuery(null, null, null, yesterday, null, null,
                OverviewQuery.Sort.VERDICT, false), 1, 20, 10).problems().isEmpty(), "every check is newer than yesterday");

        Overview top = overview().overview(OverviewQuery.of(null), 1, 20, 1);
        assertEquals(List.of("signature-activity"), top.indicators().stream().map(Overview.CommonGap::code).toList(),
                "two units each, 6 points each: the first code");
        assertEquals(6.0, top.indicators().get(0).points());
        assertEquals(1, top.problems().size(), "one of each kind");
        assertEquals("特色活动", top.indicators().get(0).name());
    }

    @Test
    void theExportsNumbersAreThePagesWithoutItsRows() {
        for (OverviewQuery q : List.of(OverviewQuery.of(null), OverviewQuery.of("江苏省/南京市").withVerdict("vetoed"),
                OverviewQuery.of(null).withGap(OverviewQuery.INDICATOR, "volunteer-months"))) {
            Overview page = overview().overview(q, 1, 2, 10);
            Overview numbers = overview().numbers(q, 10);

            assertTrue(numbers.rows().isEmpty());
            assertEquals(page.total(), numbers.total());
            assertEquals(page.verdicts(), numbers.verdicts());
            assertEquals(page.indicators(), numbers.indicators());
            assertEquals(page.problems(), numbers.problems());
        }
    }

    @Test
    void deletingTheLatestCheckMakesTheOneBeforeItTheLatest() {
        AssessmentStore store = new AssessmentStore(db.dataSource());
        String latest = overview().overview(OverviewQuery.of("江苏省/南京市/玄武区"), 1, 20, 10).rows().stream()
                .filter(r -> r.unitId().equals("qw-office")).findFirst().orElseThrow().assessmentId();

        assertTrue(store.delete(latest));

        OverviewRow office = overview().overview(OverviewQuery.of("江苏省/南京市/玄武区"), 1, 20, 10).rows().stream()
                .filter(r -> r.unitId().equals("qw-office")).findFirst().orElseThrow();
        assertEquals("not-ready", office.verdict());
        assertNull(office.previousScore());
        assertEquals(1, overview().overview(OverviewQuery.of(null).withGap(OverviewQuery.PROBLEM, "mechanism"), 1, 20, 10)
                .total(), "the deleted check's gaps are gone");
    }

    @Test
    void aRegisterImportedAgainChangesOnlyWhatDiffers() {
        Register moved = RegisterFile.read("名册.csv", (REGISTER.replace("gs-water,姑苏水务,市级,江苏省,苏州市,姑苏区",
                "gs-water,姑苏水务集团,市级,江苏省,南京市,秦淮区")).getBytes(java.nio.charset.StandardCharsets.UTF_8)).register();

        UnitRegister.Imported imported = register().importRegister(moved);

        assertEquals(new UnitRegister.Imported(0, 1, 4, 0), imported);
        assertEquals(4, overview().overview(OverviewQuery.of("江苏省/南京市"), 1, 20, 10).total());
    }

    static NewAssessment result(String unit, String verdict, double score, String... gaps) {
        String json = "{\"unit\":{\"id\":\"" + unit + "\",\"name\":\"包中名称\"},\"verdict\":\"" + verdict
                + "\",\"score\":" + score + ",\"gaps\":[" + String.join(",", gaps) + "]}";
        return new NewAssessment(unit, "包中名称", verdict, score, 100, "provincial", "2026.1", "0".repeat(64),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", "evidence.json", json);
    }

    static String gap(String indicator, String indicatorName, String problem, String problemTitle, double points) {
        return "{\"indicator\":\"" + indicator + "\",\"indicatorName\":\"" + indicatorName + "\",\"problem\":\"" + problem
                + "\",\"problemTitle\":\"" + problemTitle + "\",\"pointsAtStake\":" + points + "}";
    }
}
