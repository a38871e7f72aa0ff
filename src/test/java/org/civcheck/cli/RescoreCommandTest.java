package org.civcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.CriteriaRecord;
import org.civcheck.store.Database;
import org.civcheck.web.AssessmentService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code civcheck rescore} on a database: every unit re-scored, the impact printed; other criteria refused. */
@Tag("slow")
class RescoreCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyUnitIsRescoredAndCriteriaOtherThanThoseInForceAreRefused() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath();
        CriteriaRegistry registry = new CriteriaRegistry(Path.of("criteria"), Path.of("rules"));
        assertTrue(registry.reload().ok());
        ObjectMapper json = new ObjectMapper();
        try (Database db = Database.open(url)) {
            AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(db.dataSource()));
            for (int i = 0; i < 3; i++) {
                ObjectNode pkg = (ObjectNode) json.readTree(Path.of("examples", "well-run-library.json").toFile());
                ((ObjectNode) pkg.get("unit")).put("id", "cli-" + i);
                service.check(json.writeValueAsBytes(pkg), "package.json", false);
            }
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "rescore", "--db", url);
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("共 3 个单位") && out.toString().contains("共重新评分 3 个单位，结论变化 0 个"),
                out.toString());

        // a service on this database recorded other criteria in force: the command scores nothing
        try (Database db = Database.open(url)) {
            new CriteriaRecord(db.dataSource()).record("0".repeat(64), "provincial", "{}", "elsewhere:1");
        }
        StringWriter refusedOut = new StringWriter();
        StringWriter refused = new StringWriter();
        exit = Main.run(new PrintWriter(refusedOut, true), new PrintWriter(refused, true), "rescore", "--db", url);
        assertEquals(2, exit);
        assertTrue(refused.toString().contains("不一致") && refused.toString().contains("elsewhere:1"), refused.toString());
    }
}
