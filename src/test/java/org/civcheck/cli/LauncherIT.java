package org.civcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/civcheck}, the launcher a liaison or an author types, around the jar that
 * {@code mvn package} built: the same report and exit code as {@code java -jar}, a class-data-sharing
 * archive written by the first run and used by the next, a new one when the jar changes, and nothing
 * from the JVM on standard output. Runs after package (failsafe), since it needs the shaded jar.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "civcheck").toAbsolutePath();
    private static final Path EXAMPLE = Path.of("examples", "vetoed-water-bureau.json").toAbsolutePath();

    @TempDir
    Path dir;

    private Path jar;
    private Path archives;

    @BeforeEach
    void copyTheJar() throws IOException {
        jar = dir.resolve("civcheck.jar");
        Files.copy(Path.of(System.getProperty("civcheck.jar", "target/civcheck.jar")), jar);
        archives = dir.resolve("cds");
    }

    @Test
    void aCheckThroughTheLauncherReportsAndExitsAsTheJarDoesAndTheSecondRunUsesTheArchive() throws Exception {
        Run plain = run(List.of(java(), "-jar", jar.toString(), "check", EXAMPLE.toString()), Map.of());
        Run first = launcher("check", EXAMPLE.toString());
        List<Path> made = archives();
        Run second = launcher("check", EXAMPLE.toString());

        assertTrue(plain.out.contains("一票否决"), plain.out + plain.err);
        assertEquals(plain.out, first.out, "the first run's report");
        assertEquals(plain.exit, first.exit, "the first run's exit code");
        assertEquals(plain.out, second.out, "the second run's report");
        assertEquals(plain.exit, second.exit, "the second run's exit code");
        assertEquals(1, made.size(), "one archive written by the first run: " + made);
        assertEquals(made, archives(), "the second run uses it and writes no other");
        assertEquals("", second.err, "nothing from the JVM when the archive serves");
    }

    @Test
    void aChangedJarGetsAnArchiveOfItsOwn() throws Exception {
        launcher("check", EXAMPLE.toString());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Run after = launcher("check", EXAMPLE.toString());

        assertEquals(1, after.exit, after.err);
        assertEquals(2, archives().size(), "a second archive for the changed jar");
    }

    @Test
    void theVersionAloneWritesNoArchiveForItWouldServeChecksBadly() throws Exception {
        Run version = launcher("--version");

        assertEquals(0, version.exit, version.err);
        assertTrue(version.out.startsWith("civcheck "), version.out);
        assertEquals(List.of(), archives());
    }

    @Test
    void withoutTheJarTheLauncherSaysHowToBuildItInChinese() throws Exception {
        Files.delete(jar);
        Run r = launcher("check", EXAMPLE.toString());

        assertEquals(2, r.exit);
        assertTrue(r.err.contains("找不到程序文件") && r.err.contains("mvn -B -q package -DskipTests"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void aFaultyPackageKeepsItsExitCodeAndItsChineseFaultThroughTheLauncher() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"unit\": ");
        Run plain = run(List.of(java(), "-jar", jar.toString(), "check", broken.toString()), Map.of());
        Run launched = launcher("check", broken.toString());

        assertEquals(2, plain.exit, plain.err);
        assertEquals(plain.exit, launched.exit);
        assertEquals(plain.err, launched.err, "the same fault, and nothing else, on standard error");
    }

    private Run launcher(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("sh");
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("CIVCHECK_JAR", jar.toString(), "CIVCHECK_CDS_DIR", archives.toString(),
                "JAVA", java()));
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(archives)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(archives)) {
            return files.sorted().toList();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Run run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile()) // criteria/ and rules/ are here
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "ended: " + cmd);
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {}
}
