package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example's 自查报告 as an office prints it: the .docx rendered to PDF by LibreOffice (headless)
 * and read back with pdftotext. The body, before the appendix's page, must read as an office writes:
 * no ≥, no material numbers, no ISO dates, no Latin words; it ends with the 落款.
 */
class DraftPdfTest {

    private static final Path SOFFICE = Path.of("/usr/bin/soffice");
    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");
    private static final List<String> EXAMPLES = List.of("seed-district-office", "well-run-library",
            "vetoed-water-bureau", "rushed-before-inspection");
    private static final LocalDate SIGNED = LocalDate.of(2026, 1, 8);
    private static final Map<String, String> TEXTS = new LinkedHashMap<>();
    private static final Map<String, String> UNITS = new LinkedHashMap<>();
    private static String pdfInfo = "";

    @TempDir
    static Path dir;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(Files.isExecutable(SOFFICE) && Files.isExecutable(PDFTOTEXT),
                "LibreOffice (libreoffice-writer-nogui) or pdftotext (poppler-utils) is not installed, so the PDF"
                        + " render of the drafts is not checked; .ci/run installs both");
        List<String> command = new ArrayList<>(List.of(SOFFICE.toString(),
                "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", dir.toString()));
        for (String example : EXAMPLES) {
            DraftFixtures.Checked checked = DraftFixtures.example(example + ".json");
            ReportDraft draft = ReportDrafts.draft(checked.assessment(), checked.pkg(),
                    DraftFixtures.assessor().criteria(), DraftFixtures.CRITERIA, SIGNED);
            Path docx = dir.resolve(example + ".docx");
            Files.write(docx, DocxDraft.render(draft));
            command.add(docx.toString());
            UNITS.put(example, checked.pkg().unit().name());
        }
        run(command, 180);
        for (String example : EXAMPLES) {
            Path pdf = dir.resolve(example + ".pdf");
            assertTrue(Files.exists(pdf), "LibreOffice wrote " + pdf);
            Path txt = dir.resolve(example + ".txt");
            run(List.of(PDFTOTEXT.toString(), pdf.toString(), txt.toString()), 60);
            TEXTS.put(example, Files.readString(txt, StandardCharsets.UTF_8));
        }
        pdfInfo = runOutput(List.of("/usr/bin/pdfinfo", dir.resolve(EXAMPLES.get(0) + ".pdf").toString()));
    }

    @Test
    void everyPageIsA4() {
        assertTrue(pdfInfo.contains("595.") && pdfInfo.contains("841."), pdfInfo);
    }

    @Test
    void theBodyEndsWithTheSignatureOfTheUnitAndTheDate() {
        TEXTS.forEach((example, text) -> {
            String body = squeeze(body(text));
            assertTrue(body.endsWith("附件：问题与佐证清单" + UNITS.get(example) + "2026年1月8日"),
                    example + " ends: " + body.substring(Math.max(0, body.length() - 80)));
            assertTrue(body.contains("特此报告。"), example);
        });
    }

    @Test
    void theBodyHasNoSymbolMaterialNumberIsoDateOrLatinWord() {
        Pattern latin = Pattern.compile("[A-Za-z]{2,}");
        TEXTS.forEach((example, text) -> {
            String body = body(text);
            assertFalse(body.contains("≥") || body.contains("≤"), example + " has a symbol");
            assertFalse(body.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), example + " has an ISO date");
            assertFalse(body.matches("(?s).*\\b[a-z]+-\\d+.*"), example + " has a material number");
            Matcher m = latin.matcher(body);
            assertFalse(m.find(), example + " has the Latin word " + (m.hitEnd() ? "" : m.group()));
        });
    }

    @Test
    void theAppendixListsTheMaterialOfEachProblem() {
        String appendix = squeeze(appendix(TEXTS.get("seed-district-office")));
        assertTrue(appendix.startsWith("附件问题与佐证清单"), appendix.substring(0, Math.min(60, appendix.length())));
        assertTrue(appendix.contains("5月20日“2025年精神文明创建工作安排”"), "the late plan is named in the appendix");
        assertFalse(appendix.contains("doc-01"), "by its date and title, not its id");
        assertEquals(-1, squeeze(appendix(TEXTS.get("well-run-library"))).indexOf("“"), "no problem, no material");
    }

    /** The pages before the appendix's, whose first line is 附件. */
    private static String body(String text) {
        int at = appendixStart(text);
        return text.substring(0, at);
    }

    private static String appendix(String text) {
        return text.substring(appendixStart(text));
    }

    private static int appendixStart(String text) {
        Matcher m = Pattern.compile("\f\\s*附件\\s*\n").matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.start() + 1;
        }
        assertTrue(at > 0, "the appendix begins a page: " + text);
        return at;
    }

    /** Without spaces, line and page breaks, or the page numbers (— 1 —). */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "").replaceAll("—\\d+—", "");
    }

    private static void run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), command.get(0) + " finished within " + seconds + " s");
        assertEquals(0, p.exitValue(), () -> command + " failed: " + read(dir.resolve("process.log")));
    }

    private static String runOutput(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
