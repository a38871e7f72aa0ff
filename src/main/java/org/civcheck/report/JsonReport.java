package org.civcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.civcheck.engine.Assessment;

/** The assessment as the JSON of {@code shared/spec/assessment-result.md}, dates as "2025-03-14". */
public final class JsonReport {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {}

    public static String render(Assessment assessment) {
        return render((Object) assessment);
    }

    /** Any result record as JSON in the same conventions. */
    public static String render(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("an assessment is plain data and always serialises", e);
        }
    }

    /** The mapper used for results, for readers of the JSON (tests, the service). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
