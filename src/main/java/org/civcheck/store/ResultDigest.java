package org.civcheck.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the overview needs of a stored result: the indicators it has gaps on and the problem classes
 * those gaps fall in, each with its name and the points at stake. Read from the result JSON (the
 * output contract's {@code gaps}), the same way on saving and in the migration that backfills
 * results stored before.
 */
record ResultDigest(List<Gap> gaps) {

    /** The kinds of {@link Gap}: an indicator, or a problem class (存在的主要问题). */
    static final String INDICATOR = "indicator";
    static final String PROBLEM = "problem";

    /** One indicator or problem class with gaps in a result. */
    record Gap(String kind, String code, String name, double points) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Form(List<GapForm> gaps) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GapForm(String indicator, String indicatorName, String problem, String problemTitle, double pointsAtStake) {}

    static ResultDigest of(String json) {
        try {
            return of(JSON.readValue(json, Form.class));
        } catch (IOException e) {
            return new ResultDigest(List.of());
        }
    }

    static ResultDigest of(Reader json) {
        try (json) {
            return of(JSON.readValue(json, Form.class));
        } catch (IOException e) {
            return new ResultDigest(List.of());
        }
    }

    private static ResultDigest of(Form form) {
        Map<String, Gap> byKey = new LinkedHashMap<>();
        if (form != null && form.gaps() != null) {
            for (GapForm g : form.gaps()) {
                add(byKey, INDICATOR, g.indicator(), g.indicatorName(), g.pointsAtStake());
                add(byKey, PROBLEM, g.problem(), g.problemTitle(), g.pointsAtStake());
            }
        }
        return new ResultDigest(new ArrayList<>(byKey.values()));
    }

    private static void add(Map<String, Gap> byKey, String kind, String code, String name, double points) {
        if (code == null || code.isBlank()) {
            return;
        }
        String key = kind + " " + code;
        Gap before = byKey.get(key);
        String text = name == null || name.isBlank() ? code : name;
        byKey.put(key, before == null ? new Gap(kind, clip(code, 200), clip(AssessmentStore.storable(text), 1000), points)
                : new Gap(kind, before.code(), before.name(), before.points() + points));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
