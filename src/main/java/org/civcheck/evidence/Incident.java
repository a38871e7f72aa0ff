package org.civcheck.evidence;

import java.time.LocalDate;

/** A negative event; the input of veto (一票否决) and conduct checks. */
public record Incident(String id, String type, LocalDate date, String severity, String description, boolean resolved) {}
