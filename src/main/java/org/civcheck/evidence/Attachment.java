package org.civcheck.evidence;

import java.time.LocalDate;

/**
 * A piece of 台账 material. {@code present} is false when the package is a zip that does
 * not contain {@code file}; such an attachment proves nothing.
 */
public record Attachment(String kind, String file, LocalDate date, boolean present) {}
