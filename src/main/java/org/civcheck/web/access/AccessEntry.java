package org.civcheck.web.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * One token in the access file: its id, role, unit (for a unit token), and the token itself only as
 * its SHA-256 hash. The token is shown once when created and never stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessEntry(
        @JsonProperty("id") String id,
        @JsonProperty("role") Role role,
        @JsonProperty("unit") String unit,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("hash") String hash,
        @JsonProperty("created") String created) {

    /** What a token may do. */
    public enum Role {
        /** Reads and writes its own unit's assessments only. */
        UNIT,
        /** Manages criteria and reads every unit's assessments; uploads and deletes none. */
        AUTHOR;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Role parse(String s) {
            return Role.valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    @JsonIgnore
    public Principal principal() {
        return new Principal(id, role, unit);
    }

    /** "单位 X" or "作者（测评体系维护）". */
    @JsonIgnore
    public String describe() {
        return role == Role.UNIT ? "单位 " + unit : "作者（维护测评体系，可查看全部）";
    }
}
