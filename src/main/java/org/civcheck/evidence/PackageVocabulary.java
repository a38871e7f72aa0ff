package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words a package may use in each {@link WordField}, and what each spelling means: a code or
 * any of its Chinese names reads as the code. {@link #standard()} holds the contract's words;
 * a criteria set's vocabulary replaces a field's words with those its taxonomy declares
 * ({@link #declaring}), keeping the contract's Chinese names of the codes it shares.
 *
 * <pre>{@code
 * PackageVocabulary words = PackageVocabulary.standard();
 * words.code(WordField.ACTIVITY_TYPE, "理论学习");   // "theory-study"
 * words.nearest(WordField.ACTIVITY_TYPE, "理论学些"); // the word 理论学习
 * }</pre>
 */
public final class PackageVocabulary {

    private static final PackageVocabulary STANDARD = readStandard();

    private final Map<WordField, List<Word>> words;
    private final Map<WordField, Map<String, String>> codes = new EnumMap<>(WordField.class);

    private PackageVocabulary(Map<WordField, List<Word>> words) {
        this.words = new EnumMap<>(words);
        this.words.replaceAll((field, list) -> List.copyOf(list));
        for (Map.Entry<WordField, List<Word>> e : this.words.entrySet()) {
            Map<String, String> spellings = new HashMap<>();
            for (Word word : e.getValue()) {
                String code = word.code().intern(); // one instance per word, as the reader's words are
                spellings.put(code, code);
                word.names().forEach(name -> spellings.putIfAbsent(name, code));
            }
            codes.put(e.getKey(), spellings);
        }
    }

    /** The contract's words, with their Chinese names. */
    public static PackageVocabulary standard() {
        return STANDARD;
    }

    /**
     * This vocabulary with {@code field}'s words replaced by {@code declared} (a criteria set's
     * taxonomy), each also read by the names this vocabulary gives its code; unchanged when
     * {@code declared} is empty (the set declares nothing for the field).
     */
    public PackageVocabulary declaring(WordField field, List<Word> declared) {
        if (declared.isEmpty()) {
            return this;
        }
        Map<String, Word> known = new HashMap<>();
        words(field).forEach(w -> known.put(w.code(), w));
        List<Word> merged = new ArrayList<>();
        for (Word word : declared) {
            List<String> names = new ArrayList<>(word.names());
            Word standard = known.get(word.code());
            if (standard != null) {
                standard.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
            }
            merged.add(new Word(word.code(), names));
        }
        Map<WordField, List<Word>> all = new EnumMap<>(words);
        all.put(field, merged);
        return new PackageVocabulary(all);
    }

    /** The words of {@code field}, in their order. */
    public List<Word> words(WordField field) {
        return words.getOrDefault(field, List.of());
    }

    /** The code {@code spelling} (a code or a Chinese name, trimmed) means in {@code field}; null when unknown. */
    public String code(WordField field, String spelling) {
        if (spelling == null) {
            return null;
        }
        Map<String, String> spellings = codes.get(field);
        if (spelling.isEmpty() || spellings == null) {
            return null;
        }
        String code = spellings.get(spelling);
        return code != null ? code : spellings.get(spelling.strip());
    }

    /** The Chinese name of {@code code} in {@code field}; the code itself when unknown. */
    public String name(WordField field, String code) {
        for (Word word : words(field)) {
            if (word.code().equals(code)) {
                return word.name();
            }
        }
        return code;
    }

    /**
     * The spelling of a known word nearest to {@code unknown}, by edit distance: a Chinese name
     * when {@code unknown} holds Chinese, else a code; null when the field has no words.
     */
    public String nearest(WordField field, String unknown) {
        boolean chinese = unknown.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Word word : words(field)) {
            List<String> spellings = chinese && !word.names().isEmpty() ? word.names() : List.of(word.code());
            for (String spelling : spellings) {
                int d = distance(unknown.strip(), spelling);
                if (d < bestDistance) {
                    best = spelling;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** The Levenshtein distance between two texts, counted in code points. */
    public static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    private static PackageVocabulary readStandard() {
        try (InputStream in = Objects.requireNonNull(PackageVocabulary.class.getResourceAsStream("/evidence/standard-words.json"),
                "standard-words.json is missing from the jar")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<WordField, List<Word>> words = new EnumMap<>(WordField.class);
            for (WordField field : WordField.values()) {
                List<Word> list = new ArrayList<>();
                for (JsonNode w : root.path(field.key())) {
                    List<String> names = new ArrayList<>();
                    w.path("names").forEach(n -> names.add(n.asText()));
                    list.add(new Word(w.path("code").asText(), names));
                }
                words.put(field, list);
            }
            return new PackageVocabulary(words);
        } catch (IOException e) {
            throw new UncheckedIOException("standard-words.json cannot be read", e);
        }
    }
}
