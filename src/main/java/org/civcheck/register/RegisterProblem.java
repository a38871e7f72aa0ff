package org.civcheck.register;

/** A fault in a register file, at its line (1 is the header). */
public record RegisterProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + "：" + message;
    }
}
