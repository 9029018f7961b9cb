package io.sealpost.policy;

import io.sealpost.config.SettingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of terms (one a line, {@code #} comments) matched as whole words, any case, any
 * whitespace between the words of a term. Loaded from an editable file under the config directory.
 */
final class Lexicon {

    private final Pattern pattern;

    Lexicon(List<String> terms) {
        String alternatives = terms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(term -> Pattern.quote(term).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile(alternatives.isEmpty() ? "(?!)" : ContextWords.word(alternatives),
                Pattern.UNICODE_CASE);
    }

    static Lexicon load(Path file) {
        return new Lexicon(readTerms(file));
    }

    static List<String> readTerms(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.replaceAll("\\s+", " "))
                    .toList();
        } catch (IOException e) {
            throw new SettingException("cannot read policy lexicon " + file + ": " + e.getMessage());
        }
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether a term occurs between {@code from} and {@code to}. */
    boolean foundIn(String text, int from, int to) {
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true);
        return matcher.region(Math.max(0, from), Math.min(text.length(), to)).find();
    }
}
