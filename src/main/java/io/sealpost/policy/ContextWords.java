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

    /** @param alternatives a regular expression of alternatives, e.g. {@code ssn|social\s+security} */
    ContextWords(String alternatives) {
        this.pattern = Pattern.compile(word(alternatives));
    }

    /** A case-insensitive whole-word regular expression for the alternatives. */
    static String word(String alternatives) {
        return "(?<![\\p{L}\\p{N}])(?i:" + alternatives + ")(?![\\p{L}])";
    }

    boolean near(String text, int start, int end) {
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true);
        return matcher.region(Math.max(0, start - WINDOW), start).find()
                || matcher.region(end, Math.min(text.length(), end + WINDOW)).find();
    }
}
