package io.sealpost.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The force keyword at the front of a subject ({@code [secure]} by default, any case), also
 * behind reply and forward prefixes in the languages mail clients commonly use. Works on the
 * decoded subject, so an RFC 2047 encoded keyword counts too.
 */
public final class SubjectTrigger {

    /** Reply/forward prefixes: English, German, Nordic, French, Dutch, Italian, Spanish, Portuguese, Polish, Turkish. */
    private static final String PREFIX =
            "(?:re|fw|fwd|aw|wg|sv|vs|vb|tr|antw|doorst|rif|r|i|enc|res|rv|odp|pd|ynt|ilt|vl)(?:\\[\\d+])?\\s*:\\s*";

    private final String keyword;
    private final Pattern pattern;

    public SubjectTrigger(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            throw new IllegalArgumentException("the subject keyword must not be blank");
        }
        this.keyword = keyword.trim();
        this.pattern = Pattern.compile("^(\\s*(?:" + PREFIX + ")*)" + Pattern.quote(this.keyword) + "\\s*",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public String keyword() {
        return keyword;
    }

    /** The subject with the keyword removed, or empty when the subject does not carry it. */
    public Optional<String> strip(String decodedSubject) {
        if (decodedSubject == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(decodedSubject);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of((matcher.group(1) + decodedSubject.substring(matcher.end())).trim());
    }

    public Optional<Reason> reason(String decodedSubject) {
        return strip(decodedSubject).map(stripped -> new Reason(Reason.SUBJECT, null, "subject", keyword));
    }
}
