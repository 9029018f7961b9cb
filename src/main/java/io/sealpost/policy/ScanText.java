package io.sealpost.policy;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.PrimitiveIterator;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of text as the detectors see it, with what several packs need worked out once and
 * shared instead of once per pack: a lower-case copy (for finding context words) and, from a
 * single pass over the characters, the offsets where words, numbers and alphanumeric ids begin.
 * Patterns are then tried only at those offsets rather than at every character, which is most of
 * what makes a scan of all packs fast (measured by {@code ScanBenchmarkTest}: regular expressions
 * tried at every character, one pass per pattern, were several times slower). Not thread-safe:
 * the detectors of one scan share it in one thread.
 */
final class ScanText {

    private final String text;
    private String lowerCase;
    private int[] numberStarts;
    private int[] idStarts;
    /** A bit per character rather than an int per word: text is mostly words, and a body may be large. */
    private BitSet wordStarts;

    ScanText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    /** Lower case, one char for one char, so that offsets stay the same. */
    String lowerCase() {
        if (lowerCase == null) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.length() != text.length()) {
                char[] chars = new char[text.length()];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = Character.toLowerCase(text.charAt(i));
                }
                lower = new String(chars);
            }
            lowerCase = lower;
        }
        return lowerCase;
    }

    /** Offsets of digits that do not follow a digit, in order. */
    int[] numberStarts() {
        findStarts();
        return numberStarts;
    }

    /** Offsets of runs of ASCII letters and digits that contain a digit, in order. */
    int[] idStarts() {
        findStarts();
        return idStarts;
    }

    /** Offsets of letters and digits that do not follow a letter or digit, in order. */
    BitSet wordStarts() {
        findStarts();
        return wordStarts;
    }

    /**
     * Hands every match of the pattern that begins at one of the offsets (ascending) to the
     * action, in order and not overlapping, as {@link Matcher#find} would if the pattern can only
     * match there. Look-arounds see the whole text. The matcher is valid during the call.
     */
    void forEachMatchAt(Pattern pattern, PrimitiveIterator.OfInt starts, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int free = 0;
        while (starts.hasNext()) {
            int start = starts.nextInt();
            if (start >= free && m.region(start, text.length()).lookingAt()) {
                action.accept(m);
                free = m.end();
            }
        }
    }

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** A letter or digit that is not ASCII: a word character, but no part of a number or id. */
    private static final byte WORD = 3;
    private static final byte[] ASCII_KINDS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_KINDS[c] = LETTER;
            ASCII_KINDS[Character.toUpperCase(c)] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_KINDS[c] = DIGIT;
        }
    }

    /** One pass over the characters for every kind of start. */
    private void findStarts() {
        if (wordStarts != null) {
            return;
        }
        BitSet words = new BitSet(text.length());
        IntList numbers = new IntList();
        IntList ids = new IntList();
        int idStart = -1;
        boolean idHasDigit = false;
        byte previous = OTHER;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte kind = c < 128 ? ASCII_KINDS[c] : Character.isLetterOrDigit(c) ? WORD : OTHER;
            if (kind == previous) {
                continue; // inside a run: nothing begins or ends here
            }
            if (previous == OTHER) {
                words.set(i);
            }
            if (kind == DIGIT) {
                numbers.add(i);
            }
            if (kind == LETTER || kind == DIGIT) {
                if (idStart < 0) {
                    idStart = i;
                    idHasDigit = false;
                }
                idHasDigit |= kind == DIGIT;
            } else if (idStart >= 0) {
                if (idHasDigit) {
                    ids.add(idStart);
                }
                idStart = -1;
            }
            previous = kind;
        }
        if (idStart >= 0 && idHasDigit) {
            ids.add(idStart);
        }
        wordStarts = words;
        numberStarts = numbers.toArray();
        idStarts = ids.toArray();
    }

    /** A growable int array: offsets without boxing. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
