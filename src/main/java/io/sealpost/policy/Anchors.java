package io.sealpost.policy;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The literal text that each alternative of some context words begins with, in lower case. Where
 * none of them occurs the words cannot match, so their regular expression is only tried where one
 * does: a few character comparisons instead of a regular-expression attempt at every character.
 */
final class Anchors {

    private static final String META = "\\.?*+()[]{}|^$";

    private final String[] anchors;
    /** First characters of the anchors, so that most positions are rejected with one lookup. */
    private final boolean[] asciiFirst = new boolean[128];
    private final boolean nonAsciiFirst;

    /** @param alternatives context words as for {@link ContextWords#word}; each must start with a literal character */
    Anchors(String alternatives) {
        this.anchors = literalBeginnings(alternatives).toArray(String[]::new);
        boolean nonAscii = false;
        for (String anchor : anchors) {
            char first = anchor.charAt(0);
            if (first < 128) {
                asciiFirst[first] = true;
            } else {
                nonAscii = true;
            }
        }
        this.nonAsciiFirst = nonAscii;
    }

    /** Whether every anchor starts with a letter or digit, so that matches can only begin at a word. */
    boolean startWithWords() {
        for (String anchor : anchors) {
            if (!Character.isLetterOrDigit(anchor.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** Whether an anchor begins at the offset of the lower-case text. */
    boolean at(String lower, int offset) {
        char c = lower.charAt(offset);
        if (c < 128 ? !asciiFirst[c] : !nonAsciiFirst) {
            return false;
        }
        for (String anchor : anchors) {
            if (lower.startsWith(anchor, offset)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an anchor begins between the offsets ({@code to} excluded) of the lower-case text. */
    boolean within(String lower, int from, int to) {
        for (int i = from; i < to; i++) {
            if (at(lower, i)) {
                return true;
            }
        }
        return false;
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
