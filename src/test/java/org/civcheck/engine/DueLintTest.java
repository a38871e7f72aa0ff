package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a requirement scales to part of the period is declared once, on the check kind's rules, and
 * may be overridden per indicator: lint rejects a kind that does not say, and the loader an
 * override it does not know, each in Chinese with where it is.
 */
class DueLintTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfTheProjectsRulesSaysHowItScales() {
        List<LintFinding> findings = new CriteriaLinter().lint(Path.of("criteria/provincial"), Path.of("rules"));
        assertTrue(findings.stream().noneMatch(f -> f.message().contains("@due")), findings.toString());
    }

    @Test
    void aKindWithoutDueIsAnErrorNamingItAndTheThreeWays() throws IOException {
        Path rules = copy(Path.of("rules"), dir.resolve("rules"));
        Path count = rules.resolve("count.drl");
        String drl = Files.readString(count);
        assertTrue(drl.contains("    @due(\"prorated\")\n"));
        Files.writeString(count, drl.replace("    @due(\"prorated\")\n", ""));
        List<LintFinding> errors = new CriteriaLinter().lint(Path.of("criteria/provincial"), rules).stream()
                .filter(f -> f.severity() == LintFinding.Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("检查类型“activity-count”没有说明年中检查时要求如何折算（@due）", errors.get(0).message());
        assertTrue(errors.get(0).advice().contains("@due(\"prorated\")（按已过时间折算）"), errors.get(0).advice());
    }

    @Test
    void aDeadlineNamingAParameterTheKindLacksIsAnError() throws IOException {
        Path rules = copy(Path.of("rules"), dir.resolve("rules"));
        Path plans = rules.resolve("plans.drl");
        Files.writeString(plans, Files.readString(plans).replace("@due(\"deadline | deadline\")", "@due(\"deadline | dueDay\")"));
        List<LintFinding> errors = new CriteriaLinter().lint(Path.of("criteria/provincial"), rules).stream()
                .filter(f -> f.severity() == LintFinding.Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("期限写在参数 dueDay 中，但该类型没有这个参数"), errors.get(0).message());
    }

    @Test
    void anUnknownOverrideOrABadDeadlineInTheCriteriaIsRefusedAtItsLine() throws IOException {
        Path set = copy(Path.of("criteria/provincial"), dir.resolve("provincial"));
        Path indicators = set.resolve("indicators.yaml");
        String yaml = Files.readString(indicators);
        String due = "        due: end-of-period   # 评选在年末进行：年中不算滞后\n";
        assertTrue(yaml.contains(due));
        Files.writeString(indicators, yaml.replace(due, "        due: yearly\n        dueBy: \"13-40\"\n"));
        List<LintFinding> errors = new CriteriaLinter().lint(set, Path.of("rules")).stream()
                .filter(f -> f.severity() == LintFinding.Severity.ERROR).toList();
        assertTrue(errors.stream().anyMatch(f -> f.message().startsWith("未知的进度要求“yearly”") && f.line() > 0),
                errors.toString());
        assertTrue(errors.stream().anyMatch(f -> f.message().contains("dueBy 应为“月-日”")), errors.toString());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
