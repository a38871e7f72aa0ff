package org.civcheck.evidence;

import java.util.List;

/**
 * The unit's own score (自评分) for an indicator only an inspector can judge on site (实地考察,
 * 问卷调查, 征求意见): the points it claims, its 说明 (at most 500 characters) and the files
 * that support it.
 */
public record Claim(String indicator, double score, String note, List<String> files) {

    public Claim {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
