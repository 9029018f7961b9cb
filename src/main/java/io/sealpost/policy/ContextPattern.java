package io.sealpost.policy;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that begins with context words ({@code passport}, {@code DOB}, ...).
 * Instead of trying the expression at every position, it is tried only where the literal
 * beginning of one of the words occurs (found with {@link String#indexOf} in the shared lower-case
 * copy), which keeps a scan of large text close to the speed of a plain substring search.
 */
final class ContextPattern {

    private static final String META = "\\.?*+()[]{}|^$";

    private final Pattern pattern;
    private final Set<String> anchors;

    /**
     * @param words the context words, alternatives as for {@link ContextWords#word}; each must start
     *              with a literal character
     * @param rest  what must follow the words
     */
    ContextPattern(String words, String rest) {
        this.pattern = Pattern.compile(ContextWords.word(words) + rest);
        this.anchors = literalBeginnings(words);
    }

    Pattern pattern() {
        return pattern;
    }

    /** Hands every match to the action, in order, not overlapping; the matcher is valid during the call. */
    void forEach(ScanText text, Consumer<Matcher> action) {
        String lower = text.lowerCase();
        BitSet starts = new BitSet(text.length());
        for (String anchor : anchors) {
            for (int i = lower.indexOf(anchor); i >= 0; i = lower.indexOf(anchor, i + 1)) {
                starts.set(i);
            }
        }
        text.forEachMatchAt(pattern, starts.stream().iterator(), action);
    }

    /** The literal text each top-level alternative starts with (escaped punctuation included), lower case. */
    private static Set<String> literalBeginnings(String words) {
        Set<String> beginnings = new LinkedHashSet<>();
        int depth = 0;
        boolean atStart = true;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (atStart && depth == 0) {
                beginnings.add(literalAt(words, i));
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            atStart = c == '|' && depth == 0;
        }
        return beginnings;
    }

    private static String literalAt(String words, int start) {
        StringBuilder literal = new StringBuilder();
        int i = start;
        while (i < words.length()) {
            char c = words.charAt(i);
            if (c == '\\' && i + 1 < words.length() && !Character.isLetterOrDigit(words.charAt(i + 1))) {
                c = words.charAt(++i);
            } else if (META.indexOf(c) >= 0) {
                if ("?*{".indexOf(c) >= 0 && literal.length() > 0) {
                    literal.setLength(literal.length() - 1); // the last literal is optional
                }
                break;
            }
            literal.append(Character.toLowerCase(c));
            i++;
        }
        if (literal.length() == 0) {
            throw new IllegalArgumentException("context words must start with a literal: " + words);
        }
        return literal.toString();
    }
}
