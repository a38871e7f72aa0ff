package org.civcheck.web.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * One token in the access file: its id, role, unit (for a unit token), region (for an office token:
 * the path of names the unit register uses, 江苏省/南京市), and the token itself only as its SHA-256
 * hash. The token is shown once when created and never stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessEntry(
        @JsonProperty("id") String id,
        @JsonProperty("role") Role role,
        @JsonProperty("unit") String unit,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("hash") String hash,
        @JsonProperty("created") String created,
        @JsonProperty("region") String region) {

    /** An entry of a unit or author token (no region). */
    public AccessEntry(String id, Role role, String unit, String algorithm, String hash, String created) {
        this(id, role, unit, algorithm, hash, created, null);
    }

    /** What a token may do. */
    public enum Role {
        /** Reads and writes its own unit's assessments only. */
        UNIT,
        /** Manages criteria and reads every unit's assessments; uploads and deletes none. */
        AUTHOR,
        /** A 文明办: reads the assessments of every unit in its region and below; writes none. */
        OFFICE;

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
        return new Principal(id, role, unit, region);
    }

    /** "单位 X", "作者（…）" or "文明办（江苏省 南京市…）". */
    @JsonIgnore
    public String describe() {
        return switch (role) {
            case UNIT -> "单位 " + unit;
            case AUTHOR -> "作者（维护测评体系，可查看全部）";
            case OFFICE -> "文明办（" + org.civcheck.register.Region.label(region) + "，可查看本地区及下级地区的全部单位）";
        };
    }
}
