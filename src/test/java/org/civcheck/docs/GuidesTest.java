package org.civcheck.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.civcheck.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README and the guides under docs/ as a reader uses them: every command they quote is one
 * the command line accepts, and every relative link leads to a file (and heading) of the clone.
 */
class GuidesTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern JAR_COMMAND = Pattern.compile("(?:civcheck\\.jar|bin/civcheck)\\s+([^`\\n]*)");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(README);
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void theReadmeOpensWithTheTwoCommandsAndLinksEveryGuide() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertTrue(readme.indexOf("mvn -B -q package -DskipTests && java -jar target/civcheck.jar serve")
                < readme.indexOf("mvn -B verify"), "the build-and-serve command comes first");
        assertTrue(readme.indexOf("mvn -B verify") < readme.indexOf("## "), "both commands open the README");
        for (String guide : List.of("liaison-guide", "author-guide", "operator-guide", "architecture", "package-format")) {
            assertTrue(readme.contains("(docs/" + guide + ".md)"), "README links docs/" + guide + ".md");
        }
        assertFalse(readme.contains("shared/"), "a clone has no shared/ folder to link to");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " → " + target + "（文件不存在）");
                } else if (anchor != null && !anchors(resolved).contains(anchor)) {
                    broken.add(page + " → " + target + "（没有这个标题）");
                }
            }
            assertFalse(text.contains("../shared/") || text.contains("](shared/"), page + " links shared/, which a clone lacks");
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyQuotedCommandParses() throws IOException {
        List<String> failures = new ArrayList<>();
        int commands = 0;
        for (Path page : pages()) {
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                Matcher m = JAR_COMMAND.matcher(line);
                while (m.find()) {
                    List<String> args = shellWords(m.group(1));
                    commands++;
                    try {
                        CommandLine cli = new CommandLine(new Main());
                        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
                        if (!parsed.hasSubcommand() && !args.isEmpty()) {
                            failures.add(page + ": " + args + "（没有子命令）");
                        }
                    } catch (CommandLine.ParameterException e) {
                        failures.add(page + ": " + args + " → " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(commands >= 15, "the guides quote the commands they explain, found " + commands);
        assertEquals(List.of(), failures);
    }

    @Test
    void thePackageFormatPageNamesEveryFieldAndWordOfTheSchema() throws IOException {
        String page = Files.readString(DOCS.resolve("package-format.md"), StandardCharsets.UTF_8);
        JsonNode schema = new ObjectMapper().readTree(Path.of("src/main/resources/schema/evidence-package.schema.json").toFile());
        List<String> missing = new ArrayList<>();
        schemaWords(schema, missing, page);
        assertEquals(List.of(), missing, "fields or words of the schema that docs/package-format.md does not mention");
    }

    private static void schemaWords(JsonNode node, List<String> missing, String page) {
        if (node.isObject()) {
            node.path("properties").fieldNames().forEachRemaining(name -> {
                if (!page.contains("`" + name + "`") && !page.contains("\"" + name + "\"")) {
                    missing.add(name);
                }
            });
            node.path("enum").forEach(word -> {
                if (!page.contains("`" + word.asText() + "`")) {
                    missing.add(word.asText());
                }
            });
            node.forEach(child -> schemaWords(child, missing, page));
        } else if (node.isArray()) {
            node.forEach(child -> schemaWords(child, missing, page));
        }
    }

    /** The words of a shell command line: single and double quotes, a trailing comment dropped. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else if (word == null && (c == '|' || c == '>' || c == '&' || c == ';')) {
                break;
            } else {
                word = word == null ? new StringBuilder().append(c) : word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The anchors a Markdown renderer gives the headings of a page (lower case, punctuation dropped, spaces as dashes). */
    static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        if (!page.toString().endsWith(".md")) {
            return anchors;
        }
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
