package io.sealpost.policy;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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


    private record Rule(String name, Pattern pattern, ContextWords context, Predicate<String> validator) {
    }

    private final String pack;
    private final Map<String, Integer> weights;
    private final Lexicon lexicon;
    private final int threshold;
    private final List<Rule> rules;

    private CustomPackDetector(String pack, Map<String, Integer> weights, int threshold, List<Rule> rules) {
        this.pack = pack;
        this.weights = weights;
        this.lexicon = new Lexicon(List.copyOf(weights.keySet()));
        this.threshold = threshold;
        this.rules = rules;
    }

    static CustomPackDetector load(String pack, Path file) {
        Settings settings = Settings.load(file, Map.of(), Map.of());
        try {
            Map<String, Integer> weights = new java.util.LinkedHashMap<>();
            for (String entry : settings.list("lexicon.terms", List.of())) {
                int colon = entry.lastIndexOf(':');
                weights.put(colon <= 0 ? entry : entry.substring(0, colon).trim(), weight(entry, colon));
            }
            int threshold = settings.integer("lexicon.threshold", 1, 1, Integer.MAX_VALUE);
            List<Rule> rules = new ArrayList<>();
            for (String name : new TreeSet<>(settings.withPrefix("pattern.").keySet().stream()
                    .map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'))).toList())) {
                rules.add(rule(settings, name));
            }
            if (weights.isEmpty() && rules.isEmpty()) {
                throw new SettingException("defines neither lexicon.terms nor pattern.NAME.regex");
            }
            return new CustomPackDetector(pack, weights, threshold, List.copyOf(rules));
        } catch (SettingException e) {
            throw new SettingException("custom policy pack " + file + ": " + e.getMessage());
        }
    }

    private static int weight(String entry, int colon) {
        try {
            if (colon <= 0) {
                throw new NumberFormatException();
            }
            return Integer.parseInt(entry.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new SettingException("lexicon.terms entry '" + entry + "' is not 'phrase:weight' with a whole-number weight");
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
                : new ContextWords(String.join("|", words.stream().map(CustomPackDetector::literal).toList()));
        String validator = settings.choice(key + ".validator", "none", VALIDATORS.keySet().stream().sorted().toArray(String[]::new));
        return new Rule(name, pattern, context, VALIDATORS.get(validator));
    }

    /** The word as a regular expression that matches it literally, every character but letters and digits escaped. */
    private static String literal(String word) {
        StringBuilder regex = new StringBuilder();
        word.codePoints().forEach(c -> (Character.isLetterOrDigit(c) ? regex : regex.append('\\')).appendCodePoint(c));
        return regex.toString();
    }

    @Override
    public String pack() {
        return pack;
    }

    @Override
    public List<Hit> detect(ScanText scanText) {
        String text = scanText.text();
        List<Hit> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if ((rule.context() == null || rule.context().near(scanText, m.start(), m.end()))
                        && rule.validator().test(m.group().replaceAll("\\D", ""))) {
                    found.add(new Hit(m.start(), rule.name() + " " + Mask.lastFour(m.group())));
                }
            }
        }
        lexicon(text, found);
        return found;
    }

    private void lexicon(String text, List<Hit> found) {
        if (weights.isEmpty()) {
            return;
        }
        Set<String> terms = lexicon.termsIn(text);
        int score = terms.stream().mapToInt(weights::get).sum();
        if (score >= threshold) {
            found.add(new Hit(0, "keywords " + String.join(", ", terms) + " (score " + score + ")"));
        }
    }
}
