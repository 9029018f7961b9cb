package io.sealpost.policy;

import io.sealpost.config.SettingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A list of terms (one a line in an editable file, {@code #} comments) found as whole words, any
 * case. Words are runs of letters, digits and apostrophes; everything else separates them, so
 * {@code post-traumatic stress disorder} also matches {@code post traumatic  stress\ndisorder}.
 * Lookup is by hashing word sequences, so the cost does not grow with the number of terms.
 */
final class Lexicon {

    /** Normalized phrase (lower-case words joined by one space) to the term as written. */
    private final Map<String, String> terms = new HashMap<>();
    /** The last word of every term: only a word in here can complete a term. */
    private final Set<String> lastWords = new HashSet<>();
    private final int maxWords;

    Lexicon(List<String> terms) {
        int longest = 0;
        for (String term : terms) {
            List<String> words = words(term);
            if (!words.isEmpty()) {
                this.terms.put(String.join(" ", words), term);
                lastWords.add(words.get(words.size() - 1));
                longest = Math.max(longest, words.size());
            }
        }
        this.maxWords = longest;
    }

    static Lexicon load(Path file) {
        return new Lexicon(readTerms(file));
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

    /** Where terms end in the text (offset of their last word), in order. */
    List<Integer> offsets(String text) {
        List<Integer> offsets = new ArrayList<>();
        scan(text, (term, offset) -> offsets.add(offset));
        return offsets;
    }

    private void scan(String text, BiConsumer<String, Integer> onTerm) {
        if (maxWords == 0) {
            return;
        }
        Deque<String> recent = new ArrayDeque<>(maxWords);
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
            if (recent.size() == maxWords) {
                recent.removeFirst();
            }
            String word = normalize(text.substring(start, i));
            recent.addLast(word);
            if (!lastWords.contains(word)) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            for (Iterator<String> words = recent.descendingIterator(); words.hasNext(); ) {
                phrase.insert(0, phrase.length() == 0 ? words.next() : words.next() + " ");
                String term = terms.get(phrase.toString());
                if (term != null) {
                    onTerm.accept(term, start);
                }
            }
        }
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
            words.add(normalize(text.substring(start, i)));
        }
        return words;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019';
    }

    private static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
