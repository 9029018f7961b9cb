package io.sealpost.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that must appear near a candidate for it to count ({@code SSN}, {@code passport}, ...):
 * case-insensitive, whole words, within a window of characters before or after the candidate.
 */
final class ContextWords {

    private static final int WINDOW = 48;

    private final Pattern pattern;
    private final Anchors anchors;

    /**
     * @param alternatives a regular expression of alternatives, e.g. {@code ssn|social\s+security};
     *                     each must start with a literal character
     */
    ContextWords(String alternatives) {
        this.pattern = Pattern.compile(word(alternatives));
        this.anchors = new Anchors(alternatives);
    }

    /** A case-insensitive whole-word regular expression for the alternatives. */
    static String word(String alternatives) {
        return "(?<![\\p{L}\\p{N}])(?i:" + alternatives + ")(?![\\p{L}])";
    }

    /** Whether the words are within the window before {@code start} or after {@code end}. */
    boolean near(ScanText text, int start, int end) {
        int before = Math.max(0, start - WINDOW);
        int after = Math.min(text.length(), end + WINDOW);
        String lower = text.lowerCase();
        if (!anchors.within(lower, before, start) && !anchors.within(lower, end, after)) {
            return false; // the usual case, decided without a regular expression
        }
        Matcher matcher = pattern.matcher(text.text()).useTransparentBounds(true);
        return matcher.region(before, start).find() || matcher.region(end, after).find();
    }
}
