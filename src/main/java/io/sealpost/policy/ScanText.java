package io.sealpost.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.PrimitiveIterator;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of text as the detectors see it, with what several packs need worked out once and
 * shared instead of once per pack: a lower-case copy (for finding context words) and, from a
 * single pass over the characters, the offsets where numbers and alphanumeric ids begin. Number
 * and id patterns are then tried only at those offsets rather than at every character, which is
 * most of what makes a scan of all packs fast (measured by {@code ScanBenchmarkTest}). Not
 * thread-safe: the detectors of one scan share it in one thread.
 */
final class ScanText {

    private final String text;
    private String lowerCase;
    private int[] numberStarts;
    private int[] idStarts;

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

    /** One pass over the characters for both kinds of start. */
    private void findStarts() {
        if (numberStarts != null) {
            return;
        }
        IntList numbers = new IntList();
        IntList ids = new IntList();
        int idStart = -1;
        boolean idHasDigit = false;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit && !(previous >= '0' && previous <= '9')) {
                numbers.add(i);
            }
            if (digit || (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                if (idStart < 0) {
                    idStart = i;
                    idHasDigit = false;
                }
                idHasDigit |= digit;
            } else if (idStart >= 0) {
                if (idHasDigit) {
                    ids.add(idStart);
                }
                idStart = -1;
            }
            previous = c;
        }
        if (idStart >= 0 && idHasDigit) {
            ids.add(idStart);
        }
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
