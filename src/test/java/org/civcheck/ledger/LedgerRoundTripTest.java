package org.civcheck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Comparator;
import java.util.List;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Attachment;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PackageReading;
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
                p.registeredVolunteers(), p.honors(), p.incidents(), p.surveys());
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
}
