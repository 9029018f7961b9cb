package io.sealpost.policy;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression for a number or an alphanumeric id whose matches can only begin where
 * {@link ScanText} found one beginning (its first characters and look-behinds make sure of that),
 * so it is tried only there instead of at every character of the text.
 */
final class CandidatePattern {

    /** Where matches can begin. */
    enum Start {
        /** A digit not after a digit. */
        NUMBER,
        /** A run of ASCII letters and digits with a digit in it. */
        ID
    }

    private final Start start;
    private final Pattern pattern;

    CandidatePattern(Start start, String regex) {
        this.start = start;
        this.pattern = Pattern.compile(regex);
    }

    Pattern pattern() {
        return pattern;
    }

    /** Hands every match to the action, in order, not overlapping; the matcher is valid during the call. */
    void forEach(ScanText text, Consumer<Matcher> action) {
        int[] starts = start == Start.NUMBER ? text.numberStarts() : text.idStarts();
        text.forEachMatchAt(pattern, Arrays.stream(starts).iterator(), action);
    }
}
