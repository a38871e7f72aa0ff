package org.civcheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.civcheck.evidence.PackageReading;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks saved by a real spreadsheet application: the template and the seed example's
 * workbook, each opened and saved again as .xlsx by LibreOffice (headless), read back. Skipped,
 * saying why, where LibreOffice is not installed (Debian: libreoffice-calc-nogui).
 */
@Tag("slow")
class LibreOfficeRoundTripTest {

    @TempDir
    Path dir;

    private static Path soffice() {
        for (String candidate : new String[] {"/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** The workbook as LibreOffice saves it after opening it. */
    private byte[] throughLibreOffice(byte[] workbook, String name) throws IOException, InterruptedException {
        Path soffice = soffice();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Files.createDirectories(in);
        Files.createDirectories(out);
        Files.write(in.resolve(name), workbook);
        Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out.toString(),
                in.resolve(name).toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not finish: " + log);
        Path saved = out.resolve(name);
        assertTrue(Files.exists(saved), "LibreOffice wrote nothing: " + log);
        return Files.readAllBytes(saved);
    }

    @Test
    void theTemplateSavedByLibreOfficeIsStillOurs() throws Exception {
        byte[] saved = throughLibreOffice(LedgerWriter.template(Ledgers.assessor().vocabulary()), "template.xlsx");
        PackageReading reading = Ledgers.read(saved, "template.xlsx");
        assertFalse(reading.isAccepted(), "a blank template has no unit");
        assertTrue(reading.faults().stream().anyMatch(f -> f.path().equals("单位!B3") && f.message().equals("必填，不能为空")),
                reading.faults().toString());
        assertTrue(reading.faults().stream().noneMatch(f -> f.message().contains("这不是本系统")), reading.faults().toString());
    }

    @Test
    void aFilledWorkbookSavedByLibreOfficeScoresAsItsJson() throws Exception {
        PackageReading json = Ledgers.read(Files.readAllBytes(Path.of("examples/seed-district-office.json")), "seed.json");
        byte[] saved = throughLibreOffice(LedgerWriter.export(json.evidence(), Ledgers.assessor().vocabulary()), "seed.xlsx");
        PackageReading back = Ledgers.read(saved, "seed.xlsx");
        assertTrue(back.isAccepted(), () -> back.faults().toString());
        assertEquals(LedgerRoundTripTest.sorted(json.evidence()), LedgerRoundTripTest.sorted(back.evidence()));
        assertEquals(Ledgers.score(json), Ledgers.score(back));
    }

    @Test
    void rolesFindingsAndClaimsSavedByLibreOfficeScoreAsTheirJson() throws Exception {
        var review = Ledgers.reviewAssessor();
        PackageReading json = Ledgers.read(LedgerRoundTripTest.reviewedLibrary(), "library.json", review);
        byte[] saved = throughLibreOffice(LedgerWriter.export(json.evidence(), review.vocabulary()), "library.xlsx");
        PackageReading back = Ledgers.read(saved, "library.xlsx", review);
        assertTrue(back.isAccepted(), () -> back.faults().toString());
        assertEquals(LedgerRoundTripTest.sorted(json.evidence()), LedgerRoundTripTest.sorted(back.evidence()));
        assertEquals(Ledgers.score(review, json), Ledgers.score(review, back));
    }
}
