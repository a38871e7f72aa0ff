package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "每次活动照片不少于N张、有信息报道": the activity-material check kind counts each activity's own files. */
class ActivityMaterialRuleTest {

    private static final String RECORDS = "        check: evidence-kinds\n"
            + "        params: { types: [\"@creation\"], anyOf: [photo, news, video], minCompleteShare: 0.9 }";

    @TempDir
    Path dir;

    private Assessment assess(int minPhotos) throws IOException {
        Path set = dir.resolve("set" + minPhotos);
        Files.createDirectories(set);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, set.resolve(f.getFileName()));
            }
        }
        Path indicators = set.resolve("indicators.yaml");
        String yaml = Files.readString(indicators);
        assertTrue(yaml.contains(RECORDS));
        Files.writeString(indicators, yaml.replace(RECORDS, "        check: activity-material\n        params: { types: "
                + "[moral-lecture, volunteer-service], countedKind: photo, minCount: " + minPhotos
                + ", allOf: [news], minCompleteShare: 1 }"));
        assertEquals(List.of(), new CriteriaLinter().lint(set, Path.of("rules")).stream().map(LintFinding::toString).toList());
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        assertTrue(loading.isLoaded(), loading.problems().toString());
        EvidencePackage library = new EvidencePackageReader(ReadLimits.defaults())
                .read(Path.of("examples/well-run-library.json")).evidence();
        return loading.assessor().assess(library, List.of());
    }

    @Test
    void onePhotoAndAReportForEveryActivityMeetsAOnePhotoRule() throws IOException {
        Assessment a = assess(1);
        Assessment.IndicatorScore s = a.indicators().stream().filter(i -> i.id().equals("activity-records")).findFirst()
                .orElseThrow();
        assertEquals("met", s.status());
        assertEquals(List.of("15项道德讲堂、志愿服务中每次照片不少于1张，并有信息报道的占100%，符合要求（≥100%）"), s.findings());
    }

    @Test
    void onePhotoPerActivityFallsShortOfThreeAndNamesTheActivities() throws IOException {
        Assessment a = assess(3);
        Assessment.Gap gap = a.gaps().stream().filter(g -> g.indicator().equals("activity-records")).findFirst().orElseThrow();
        assertTrue(gap.message().startsWith("15项道德讲堂、志愿服务中有15项材料不足（要求每次照片不少于3张，并有信息报道）："),
                gap.message());
        assertTrue(gap.message().endsWith("等15项，齐全率0%，要求≥100%"), gap.message());
        assertEquals(3, gap.pointsAtStake());
    }
}
