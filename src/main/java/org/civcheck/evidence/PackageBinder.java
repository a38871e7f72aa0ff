package org.civcheck.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Binds a checked package to the records. Input is the known-fields copy from
 * {@link ContractWalk}, so an unknown field can never reach a record component; the two
 * places where records and contract differ ({@code volunteers.registered} and
 * {@code Attachment.present}) are filled in here.
 */
final class PackageBinder {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("civcheck-dates").addDeserializer(LocalDate.class, new IsoDateDeserializer()))
            .build();

    private PackageBinder() {}

    /**
     * Binds {@code known} (which it changes). Attachments whose path is in {@code missingPaths}
     * get {@code present == false}, all others {@code true}.
     */
    static EvidencePackage bind(ObjectNode known, List<ContractWalk.Located> attachments, Set<String> missingPaths) {
        for (ContractWalk.Located attachment : attachments) {
            ((ObjectNode) attachment.node()).put("present", !missingPaths.contains(attachment.path()));
        }
        JsonNode registered = known.path("volunteers").path("registered");
        if (!registered.isMissingNode()) {
            known.set("registeredVolunteers", registered);
        }
        known.remove("volunteers");
        try {
            return MAPPER.treeToValue(known, EvidencePackage.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("A package that passed every check failed to bind: "
                    + "the schema and the records disagree.", e);
        }
    }

    /** {@code yyyy-MM-dd}, strictly; the value has already been checked. */
    private static final class IsoDateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return LocalDate.parse(parser.getValueAsString());
        }
    }
}
