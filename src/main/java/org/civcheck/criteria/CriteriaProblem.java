package org.civcheck.criteria;

/** A fault in a criteria set, at a file and line (0 when the whole file is meant). */
public record CriteriaProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
