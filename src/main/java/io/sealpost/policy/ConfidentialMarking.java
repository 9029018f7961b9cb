package io.sealpost.policy;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The sender's client marked the message confidential: a {@code Sensitivity} header with one of
 * the configured values, or a configured header rule ({@code sealpost.trigger.header-rule.NAME =
 * Header-Name: regex}), for example a sensitivity-label header carrying a label id.
 */
public final class ConfidentialMarking {

    private record HeaderRule(String name, String header, Pattern pattern) {
    }

    private final Set<String> sensitivities;
    private final List<HeaderRule> rules;

    public ConfidentialMarking(Set<String> sensitivities, Map<String, String> headerRules) {
        this.sensitivities = sensitivities.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.rules = new ArrayList<>();
        headerRules.forEach((name, rule) -> rules.add(parseRule(name, rule)));
    }

    public static ConfidentialMarking fromSettings(Settings settings) {
        return new ConfidentialMarking(
                Set.copyOf(settings.list("sealpost.trigger.sensitivity", List.of("company-confidential", "private"))),
                settings.withPrefix("sealpost.trigger.header-rule."));
    }

    private static HeaderRule parseRule(String name, String rule) {
        String key = "sealpost.trigger.header-rule." + name;
        int colon = rule.indexOf(':');
        if (colon <= 0) {
            throw new SettingException(key + " = '" + rule + "' is not 'Header-Name: regular expression'");
        }
        try {
            return new HeaderRule(name, rule.substring(0, colon).trim(),
                    Pattern.compile(rule.substring(colon + 1).trim(), Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw new SettingException(key + " has a bad regular expression: " + e.getDescription());
        }
    }

    public Optional<Reason> reason(Part message) throws MessagingException {
        String[] sensitivity = message.getHeader("Sensitivity");
        if (sensitivity != null) {
            for (String value : sensitivity) {
                if (sensitivities.contains(value.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(new Reason(Reason.HEADER, null, "header:Sensitivity", value.trim()));
                }
            }
        }
        for (HeaderRule rule : rules) {
            String[] values = message.getHeader(rule.header());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (rule.pattern().matcher(value).find()) {
                    return Optional.of(new Reason(Reason.HEADER, null, "header:" + rule.header(), "rule " + rule.name()));
                }
            }
        }
        return Optional.empty();
    }
}
