package org.civcheck.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}), in Chinese, with the JSON paths
 * of the faults when a package was refused. Never a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Fault> errors) {

    /** One fault: where it is and what was expected. */
    public record Fault(String path, String message) {}

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem("/problems/" + type, title, status, detail, List.of());
    }
}
