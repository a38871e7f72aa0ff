package org.civcheck.web;

import java.util.List;

/** A request named a criteria set that is not served; the answer names the sets that are. */
public final class UnknownCriteriaSetException extends RuntimeException {

    private final String id;
    private final List<String> known;

    public UnknownCriteriaSetException(String id, List<String> known) {
        super("没有编号为“" + id + "”的测评体系，可选：" + String.join("、", known));
        this.id = id;
        this.known = List.copyOf(known);
    }

    public String id() {
        return id;
    }

    public List<String> known() {
        return known;
    }
}
