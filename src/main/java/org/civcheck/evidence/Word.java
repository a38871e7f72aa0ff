package org.civcheck.evidence;

import java.util.List;

/**
 * A word a package may use: its code ({@code theory-study}) and its Chinese names, the first
 * of which is the one shown (理论学习). Any of them means the same in a package.
 */
public record Word(String code, List<String> names) {

    public Word {
        names = List.copyOf(names);
    }

    /** The Chinese name shown to users; the code when the word has none. */
    public String name() {
        return names.isEmpty() ? code : names.get(0);
    }
}
