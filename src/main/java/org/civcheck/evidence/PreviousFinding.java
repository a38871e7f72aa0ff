package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * A problem the last review (上次复查) fed back to the unit, and whether it was rectified
 * (整改落实): the input of the rectification check.
 *
 * @param rectifiedOn when the rectification was done, or null
 * @param files the package's files that show the rectification (整改报告, photos)
 */
public record PreviousFinding(String id, String finding, boolean rectified, LocalDate rectifiedOn, List<String> files) {

    public PreviousFinding {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
