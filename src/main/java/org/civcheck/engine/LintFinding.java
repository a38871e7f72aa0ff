package org.civcheck.engine;

/**
 * One thing criteria lint found: an error (the set cannot be served) or a warning (it can, but
 * probably not as meant), at a file and line, with what to do about it.
 */
public record LintFinding(Severity severity, String file, int line, String message, String advice) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        String level = severity == Severity.ERROR ? "错误" : "警告";
        return where + ": " + level + "：" + message + (advice == null || advice.isEmpty() ? "" : " → " + advice);
    }
}
