package org.civcheck.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded default: an H2 file, a new one in its own folder for each test. */
class H2AssessmentStoreTest extends AssessmentStoreContract {

    @TempDir
    Path dir;

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck");
    }

    @Override
    void dropDatabase() {
        // the folder goes with the test
    }
}
