package org.civcheck.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.civcheck.criteria.Yaml;
import org.civcheck.engine.facts.Texts;

/**
 * The sentences the engine writes itself (the explanation's what-if lines), in the words of
 * {@code sentences.yaml} beside this class: the wording is data, this class only fills it in.
 */
final class Sentences {

    private static final JsonNode WHAT_IF;

    static {
        try (InputStream in = Sentences.class.getResourceAsStream("sentences.yaml")) {
            WHAT_IF = Yaml.MAPPER.readTree(in).path("whatIf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Sentences() {}

    /** What a veto does to the verdict: "该事项不影响得分，但结论为“否决”". */
    static String vetoStands(String verdict) {
        return fill("veto", Map.of("verdict", Verdicts.chinese(verdict)));
    }

    /** What closing a gap recovers and does to the verdict, from {@code before} to {@code after}. */
    static String gapClosed(double points, double score, String before, String after) {
        String outcome = fill(after.equals(before) ? "verdictStays" : "verdictBecomes",
                Map.of("verdict", Verdicts.chinese(after)));
        return fill("recovers", Map.of("points", Texts.num(points), "score", Texts.num(score), "outcome", outcome));
    }

    private static String fill(String key, Map<String, String> values) {
        String out = WHAT_IF.path(key).asText();
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }
}
