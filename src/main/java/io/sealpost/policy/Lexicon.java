package io.sealpost.policy;

import io.sealpost.config.SettingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A list of terms (one a line in an editable file, {@code #} comments) found as whole words, any
 * case. Words are runs of letters, digits and apostrophes; everything else separates them, so
 * {@code post-traumatic stress disorder} also matches {@code post traumatic  stress\ndisorder}.
 * Lookup is by hashing words as they are read, so the cost grows neither with the number of terms
 * nor, for words that end no term, with allocation.
 */
final class Lexicon {

    private static final int FILTER_BITS = 1 << 14;

    /*
     * ASCII, nearly all text, is classified and lower-cased by table: the general Character
     * methods and comparisons were most of the time of a scan.
     */
    private static final boolean[] ASCII_WORD = new boolean[128];
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '\'';
            ASCII_LOWER[c] = Character.toLowerCase(c);
        }
    }

    /** Normalized phrase (lower-case words joined by one space) to the term as written. */
    private final Map<String, String> terms = new HashMap<>();
    /** Sorted hash codes of the last word of every term: only such a word can complete a term. */
    private final int[] lastWordHashes;
    /**
     * Bits of the same hash codes, for rejecting nearly every word with one lookup; a binary
     * search for every word of the text was a noticeable part of a scan.
     */
    private final BitSet lastWordFilter = new BitSet(FILTER_BITS);
    private final int maxWords;

    Lexicon(List<String> terms) {
        int longest = 0;
        List<Integer> hashes = new ArrayList<>();
        for (String term : terms) {
            List<String> words = words(term);
            if (!words.isEmpty()) {
                this.terms.put(String.join(" ", words), term);
                hashes.add(words.get(words.size() - 1).hashCode());
                longest = Math.max(longest, words.size());
            }
        }
        this.lastWordHashes = hashes.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        for (int hash : lastWordHashes) {
            lastWordFilter.set(filterBit(hash));
        }
        this.maxWords = longest;
    }

    static List<String> readTerms(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new SettingException("cannot read policy lexicon " + file + ": " + e.getMessage());
        }
    }

    /** The distinct terms (as written in the lexicon) in the text, in the order first found. */
    Set<String> termsIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        scan(text, (term, offset) -> found.add(term));
        return found;
    }

    /** Where terms occur in the text (offset of their last word), in order. */
    List<Integer> offsets(String text) {
        List<Integer> offsets = new ArrayList<>();
        scan(text, (term, offset) -> offsets.add(offset));
        return offsets;
    }

    private void scan(String text, BiConsumer<String, Integer> onTerm) {
        if (maxWords == 0) {
            return;
        }
        int[] starts = new int[maxWords];
        int[] ends = new int[maxWords];
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            if (!wordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int hash = 0;
            for (; i < text.length() && wordChar(text.charAt(i)); i++) {
                hash = 31 * hash + normalize(text.charAt(i));
            }
            if (count == maxWords) {
                System.arraycopy(starts, 1, starts, 0, maxWords - 1);
                System.arraycopy(ends, 1, ends, 0, maxWords - 1);
                count--;
            }
            starts[count] = start;
            ends[count++] = i;
            if (lastWordFilter.get(filterBit(hash)) && Arrays.binarySearch(lastWordHashes, hash) >= 0) {
                StringBuilder phrase = new StringBuilder();
                for (int k = count - 1; k >= 0; k--) {
                    phrase.insert(0, k == count - 1 ? "" : " ").insert(0, normalize(text, starts[k], ends[k]));
                    String term = terms.get(phrase.toString());
                    if (term != null) {
                        onTerm.accept(term, start);
                    }
                }
            }
        }
    }

    private static int filterBit(int hash) {
        return (hash ^ hash >>> 14) & (FILTER_BITS - 1);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!wordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && wordChar(text.charAt(i))) {
                i++;
            }
            words.add(normalize(text, start, i));
        }
        return words;
    }

    private static boolean wordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c) || c == '\u2019';
    }

    /** Lower case, typographic apostrophe as ASCII; one char for one char, like the hashes. */
    private static char normalize(char c) {
        return c < 128 ? ASCII_LOWER[c] : c == '\u2019' ? '\'' : Character.toLowerCase(c);
    }

    private static String normalize(String text, int start, int end) {
        char[] word = new char[end - start];
        for (int i = start; i < end; i++) {
            word[i - start] = normalize(text.charAt(i));
        }
        return new String(word);
    }
}
