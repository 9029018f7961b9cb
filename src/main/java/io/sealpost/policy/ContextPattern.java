package io.sealpost.policy;

import java.util.BitSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that begins with context words ({@code passport}, {@code DOB}, ...).
 * The words match only where a word begins, so instead of trying the expression at every position
 * it is tried only at the word starts {@link ScanText} found (shared by all patterns) where the
 * literal beginning of one of the words occurs, which keeps a scan of large text fast.
 */
final class ContextPattern {

    private final Pattern pattern;
    private final Anchors anchors;

    /**
     * @param words the context words, alternatives as for {@link ContextWords#word}; each must start
     *              with a literal letter or digit
     * @param rest  what must follow the words
     */
    ContextPattern(String words, String rest) {
        this.pattern = Pattern.compile(ContextWords.word(words) + rest);
        this.anchors = new Anchors(words);
        if (!anchors.startWithWords()) {
            throw new IllegalArgumentException("context words must start with a letter or digit: " + words);
        }
    }

    Pattern pattern() {
        return pattern;
    }

    /** Hands every match to the action, in order, not overlapping; the matcher is valid during the call. */
    void forEach(ScanText text, Consumer<Matcher> action) {
        String lower = text.lowerCase();
        BitSet words = text.wordStarts();
        BitSet starts = new BitSet();
        for (int word = words.nextSetBit(0); word >= 0; word = words.nextSetBit(word + 1)) {
            if (anchors.at(lower, word)) {
                starts.set(word);
            }
        }
        text.forEachMatchAt(pattern, starts.stream().iterator(), action);
    }
}
