package org.civcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages of many MB are stored one after another in a small heap on the embedded database.
 * With the package bytes inside the row, H2 rewrote every earlier package of the same page on
 * each save: the eighth 8 MB package needed a write buffer of several of them, and a 100,000
 * activity package (32 MB) failed at -Xmx512m, after which H2 closed the database. Run in a
 * child JVM with a small heap, as the service would be.
 */
class BigPackagesStoreTest {

    private static final int PACKAGES = 8;
    private static final int PACKAGE_MIB = 8;

    @TempDir
    Path dir;

    @Test
    void eightPackagesOf8MibAreStoredAndReadBackWithA96MibHeap() throws Exception {
        String text = child(Child.class, "jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath());

        assertTrue(text.contains("stored and read back: " + PACKAGES), text);
    }

    @Test
    void aDatabaseOfTheFirstReleaseWithEightPackagesOf8MibMigratesWithA96MibHeap() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("old").toAbsolutePath();
        try (Database first = Database.openAt(url, "1")) {
            for (int i = 0; i < PACKAGES; i++) {
                FirstRelease.save(first.dataSource(), AssessmentStoreContract.assessment("unit-" + i, pkg(i)));
            }
        }

        String text = child(Migrated.class, url);

        assertTrue(text.contains("migrated and read back: " + PACKAGES), text);
    }

    @Test
    void eightResultsOfFourMillionCharactersAreStoredAndReadBackWithA96MibHeap() throws Exception {
        String text = child(Results.class, "jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath());

        assertTrue(text.contains("results stored and read back: " + PACKAGES), text);
    }

    @Test
    void resultsStoredBeforeMigration3AreKeptWholeAndMovedOutOfTheRow() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("two").toAbsolutePath();
        java.util.Map<String, String> stored = new java.util.HashMap<>();
        try (Database two = Database.openAt(url, "2")) {
            for (int i = 0; i < 3; i++) {
                String result = result(i, 200_000);
                stored.put(FirstRelease.save(two.dataSource(), withResult("unit-" + i, result)), result);
            }
        }

        try (Database db = Database.open(url)) {
            AssessmentStore store = new AssessmentStore(db.dataSource());
            for (var e : stored.entrySet()) {
                assertEquals(e.getValue(), store.find(e.getKey()).orElseThrow().resultJson());
            }
            try (var c = db.dataSource().getConnection()) {
                assertEquals("CHARACTER LARGE OBJECT", H2OutOfRow.type(c, "ASSESSMENT", "RESULT_JSON"));
            }
            store.save(withResult("unit-new", result(9, 10)));
            assertEquals(4, store.list(null, 1, 10).total(), "the migrated table takes new assessments");
        }
    }

    private String child(Class<?> main, String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                main.getName(), url).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM ended");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), text);
        return text;
    }

    /** Package {@code i}: 8 MiB, incompressible, the same every time. */
    static byte[] pkg(int i) {
        byte[] bytes = new byte[PACKAGE_MIB << 20];
        new Random(i).nextBytes(bytes);
        return bytes;
    }

    /**
     * Result {@code i}: a JSON document of about {@code chars} characters, mostly Chinese (two bytes
     * a character in a Java string), the same every time.
     */
    static String result(int i, int chars) {
        StringBuilder gaps = new StringBuilder("{\"unit\":{\"id\":\"unit-" + i + "\"},\"gaps\":[");
        for (int n = 0; gaps.length() < chars; n++) {
            gaps.append(n == 0 ? "" : ",").append("{\"message\":\"第").append(n).append("项活动缺少签到表，结果").append(i)
                    .append("\"}");
        }
        return gaps.append("]}").toString();
    }

    static NewAssessment withResult(String unitId, String resultJson) {
        NewAssessment a = AssessmentStoreContract.assessment(unitId, new byte[] {'{', '}'});
        return new NewAssessment(a.unitId(), a.unitName(), a.verdict(), a.score(), a.maxScore(), a.criteriaId(),
                a.criteriaVersion(), a.criteriaSha256(), a.packageBytes(), a.packageMediaType(), a.packageName(),
                resultJson);
    }

    /**
     * Saves results of about four million characters (a 100,000-activity package's is five), reading
     * each back; exits 1 on any difference or failure.
     */
    public static final class Results {
        public static void main(String[] args) {
            try (Database db = Database.open(args[0])) {
                AssessmentStore store = new AssessmentStore(db.dataSource());
                for (int i = 0; i < PACKAGES; i++) {
                    String id = store.save(withResult("unit-" + i, result(i, 4_000_000))).id();
                    if (!result(i, 4_000_000).equals(store.find(id).orElseThrow().resultJson())) {
                        System.out.println("result " + i + " read back differs");
                        System.exit(1);
                    }
                }
                System.out.println("results stored and read back: " + PACKAGES);
            } catch (RuntimeException | Error e) {
                e.printStackTrace(System.out);
                System.exit(1);
            }
        }
    }

    /** Opens (and so migrates) the database, then reads every package back. */
    public static final class Migrated {
        public static void main(String[] args) {
            try (Database db = Database.open(args[0])) {
                AssessmentStore store = new AssessmentStore(db.dataSource());
                int read = 0;
                for (AssessmentSummary s : store.list(null, 1, 100).items()) {
                    int i = Integer.parseInt(s.unitId().substring("unit-".length()));
                    if (!Arrays.equals(pkg(i), store.findPackage(s.id()).orElseThrow().bytes())) {
                        System.out.println("package " + i + " read back differs");
                        System.exit(1);
                    }
                    read++;
                }
                System.out.println("migrated and read back: " + read);
            } catch (RuntimeException | Error e) {
                e.printStackTrace(System.out);
                System.exit(1);
            }
        }
    }

    /** Saves the packages, reading each back; exits 1 on any difference or failure. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            try (Database db = Database.open(args[0])) {
                AssessmentStore store = new AssessmentStore(db.dataSource());
                for (int i = 0; i < PACKAGES; i++) {
                    byte[] pkg = pkg(i); // incompressible, as a zip of photos is
                    String id = store.save(AssessmentStoreContract.assessment("unit-" + i, pkg)).id();
                    if (!Arrays.equals(pkg, store.findPackage(id).orElseThrow().bytes())) {
                        System.out.println("package " + i + " read back differs");
                        System.exit(1);
                    }
                }
                System.out.println("stored and read back: " + PACKAGES);
            } catch (RuntimeException | Error e) {
                e.printStackTrace(System.out);
                System.exit(1);
            }
        }
    }
}
