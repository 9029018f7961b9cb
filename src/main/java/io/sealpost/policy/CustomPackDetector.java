package io.sealpost.policy;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An integrator-defined pack from {@code config/policies/custom/ID.properties}, no Java needed:
 * <ul>
 * <li>a keyword lexicon: {@code lexicon.terms = phrase:weight, ...} and {@code lexicon.threshold};
 *     the pack matches when the weights of the distinct phrases found add up to the threshold;</li>
 * <li>regular-expression patterns: {@code pattern.NAME.regex}, optional
 *     {@code pattern.NAME.context} (comma-separated words that must be near) and
 *     {@code pattern.NAME.validator} ({@code none}, {@code luhn}, {@code aba}, {@code npi}: applied
 *     to the digits of the match).</li>
 * </ul>
 */
final class CustomPackDetector implements Detector {

    private static final Map<String, Predicate<String>> VALIDATORS = Map.of(
            "none", digits -> true,
            "luhn", digits -> !digits.isEmpty() && CheckDigits.luhn(digits),
            "aba", CheckDigits::aba,
            "npi", CheckDigits::npi);

    private record Term(String phrase, Pattern pattern, int weight) {
    }

    private record Rule(String name, Pattern pattern, ContextWords context, Predicate<String> validator) {
    }

    private final String pack;
    private final List<Term> terms;
    private final int threshold;
    private final List<Rule> rules;

    private CustomPackDetector(String pack, List<Term> terms, int threshold, List<Rule> rules) {
        this.pack = pack;
        this.terms = terms;
        this.threshold = threshold;
        this.rules = rules;
    }

    static CustomPackDetector load(String pack, Path file) {
        Settings settings = Settings.load(file, Map.of(), Map.of());
        try {
            List<Term> terms = new ArrayList<>();
            for (String entry : settings.list("lexicon.terms", List.of())) {
                terms.add(term(entry));
            }
            int threshold = settings.integer("lexicon.threshold", 1, 1, Integer.MAX_VALUE);
            List<Rule> rules = new ArrayList<>();
            for (String name : new TreeSet<>(settings.withPrefix("pattern.").keySet().stream()
                    .map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'))).toList())) {
                rules.add(rule(settings, name));
            }
            if (terms.isEmpty() && rules.isEmpty()) {
                throw new SettingException("defines neither lexicon.terms nor pattern.NAME.regex");
            }
            return new CustomPackDetector(pack, List.copyOf(terms), threshold, List.copyOf(rules));
        } catch (SettingException e) {
            throw new SettingException("custom policy pack " + file + ": " + e.getMessage());
        }
    }

    private static Term term(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon <= 0) {
            throw new SettingException("lexicon.terms entry '" + entry + "' is not 'phrase:weight'");
        }
        String phrase = entry.substring(0, colon).trim();
        try {
            return new Term(phrase, new Lexicon(List.of(phrase)).pattern(),
                    Integer.parseInt(entry.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new SettingException("lexicon.terms entry '" + entry + "' has no whole-number weight");
        }
    }

    private static Rule rule(Settings settings, String name) {
        String key = "pattern." + name;
        Pattern pattern;
        try {
            pattern = Pattern.compile(settings.required(key + ".regex"));
        } catch (PatternSyntaxException e) {
            throw new SettingException(key + ".regex is not a regular expression: " + e.getDescription());
        }
        List<String> words = settings.list(key + ".context", List.of());
        ContextWords context = words.isEmpty() ? null
                : new ContextWords(String.join("|", words.stream().map(Pattern::quote).toList()));
        String validator = settings.choice(key + ".validator", "none", VALIDATORS.keySet().stream().sorted().toArray(String[]::new));
        return new Rule(name, pattern, context, VALIDATORS.get(validator));
    }

    @Override
    public String pack() {
        return pack;
    }

    @Override
    public List<Hit> detect(String text) {
        List<Hit> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if ((rule.context() == null || rule.context().near(text, m.start(), m.end()))
                        && rule.validator().test(m.group().replaceAll("\\D", ""))) {
                    found.add(new Hit(m.start(), rule.name() + " " + Mask.lastFour(m.group())));
                }
            }
        }
        lexicon(text, found);
        return found;
    }

    private void lexicon(String text, List<Hit> found) {
        if (terms.isEmpty()) {
            return;
        }
        int score = 0;
        int first = Integer.MAX_VALUE;
        List<String> phrases = new ArrayList<>();
        for (Term term : terms) {
            Matcher m = term.pattern().matcher(text);
            if (m.find()) {
                score += term.weight();
                first = Math.min(first, m.start());
                phrases.add(term.phrase());
            }
        }
        if (score >= threshold) {
            found.add(new Hit(first, "keywords " + String.join(", ", phrases) + " (score " + score + ")"));
        }
    }
}
