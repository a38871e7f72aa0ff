package org.civcheck.evidence;

/**
 * One fault or warning in an input: where ({@code $.activities[12].date}, or a file name for
 * zip entries) and what was expected, in Chinese for the user. A word the criteria set does not
 * know also carries the word and the nearest known one ({@code unknownWord}, {@code nearest});
 * both are null for every other problem.
 */
public record InputProblem(String path, String message, String unknownWord, String nearest) {

    public InputProblem(String path, String message) {
        this(path, message, null, null);
    }

    /** True for a word the criteria set does not know: reported before anything else. */
    public boolean isUnknownWord() {
        return unknownWord != null;
    }

    /** The same problem at another place (a workbook's cell instead of a JSON path). */
    public InputProblem at(String otherPath) {
        return new InputProblem(otherPath, message, unknownWord, nearest);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
