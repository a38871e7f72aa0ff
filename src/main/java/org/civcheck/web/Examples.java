package org.civcheck.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.civcheck.report.FileNames;

/**
 * The example packages the upload page offers one click away: a folder's .json and .zip files,
 * and the filled-in 台账 workbooks in its {@value #WORKBOOKS} folder (written from the JSON ones
 * by examples/export_workbooks.sh), which a liaison may also download to see a filled workbook.
 */
public final class Examples {

    /** The subfolder of the example workbooks; an example's file there is named {@code workbooks/NAME.xlsx}. */
    public static final String WORKBOOKS = "workbooks";

    /**
     * An example: its file (relative to the examples folder, with "/" between folders), its unit's
     * name (a JSON's own; a zip's or a workbook's from the JSON of the same name), and its size.
     */
    public record Example(String file, String unitName, long bytes) {

        /** Whether this is a 台账 workbook. */
        public boolean workbook() {
            return file.endsWith(".xlsx");
        }

        /** The file's name without its folder. */
        public String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        /**
         * What a liaison sees it called, downloaded or checked: 示例台账-××区委办公室.xlsx,
         * 示例证据包-××市图书馆.json — never the file's English name.
         */
        public String liaisonName() {
            return FileNames.of(workbook() ? "示例台账" : "示例证据包", unitName, null,
                    fileName().substring(fileName().lastIndexOf('.') + 1));
        }

        /** The file's name without folder or extension, shared by an example's JSON, zip and workbook. */
        public String baseName() {
            String name = fileName();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
    }

    private final Path dir;

    public Examples(Path dir) {
        this.dir = dir;
    }

    /** Every example: the packages in file-name order, then the workbooks in file-name order. */
    public List<Example> list() {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try {
            List<Path> packages = files(dir, ".json", ".zip");
            List<Path> workbooks = Files.isDirectory(dir.resolve(WORKBOOKS)) ? files(dir.resolve(WORKBOOKS), ".xlsx") : List.of();
            Map<String, String> names = new HashMap<>();
            for (Path f : packages) {
                unitName(f).ifPresent(name -> names.put(baseName(f), name));
            }
            List<Example> out = new ArrayList<>();
            for (Path f : packages) {
                out.add(new Example(f.getFileName().toString(), names.get(baseName(f)), Files.size(f)));
            }
            for (Path f : workbooks) {
                out.add(new Example(WORKBOOKS + "/" + f.getFileName(), names.get(baseName(f)), Files.size(f)));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The example named {@code file}; empty for any name not listed (no path tricks). */
    public Optional<Example> find(String file) {
        return list().stream().filter(e -> e.file().equals(file)).findFirst();
    }

    /** The bytes of {@code example}, one of {@link #list()}; empty when it cannot be read any more. */
    public Optional<byte[]> read(Example example) {
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(example.file())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> files(Path folder, String... extensions) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(extensions).anyMatch(x -> f.getFileName().toString().endsWith(x)))
                    .sorted().toList();
        }
    }

    private static String baseName(Path f) {
        return new Example(f.getFileName().toString(), null, 0).baseName();
    }

    private static Optional<String> unitName(Path f) {
        if (!f.getFileName().toString().endsWith(".json")) {
            return Optional.empty();
        }
        try {
            JsonNode name = new ObjectMapper().readTree(f.toFile()).path("unit").path("name");
            return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
