package org.civcheck.evidence;

/**
 * One fault or warning in an input: where ({@code $.activities[12].date}, or a file name for
 * zip entries) and what was expected, in Chinese for the user.
 */
public record InputProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
