package io.sealpost.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pack {@code ssn}: US Social Security numbers. {@code ddd-dd-dddd} counts on its own;
 * space-separated or unseparated only with a context word nearby. Numbers that were never issued
 * (area 000, 666, 900-999; group 00; serial 0000), well-known sample numbers, mixed separators
 * and digits inside a longer run of digits are not SSNs.
 */
final class SsnDetector implements Detector {

    static final String PACK = "ssn";

    /**
     * Same separator twice (back-reference), not glued to further digits. The look-behinds make
     * it begin where a number begins.
     */
    private static final CandidatePattern CANDIDATE = new CandidatePattern(CandidatePattern.Start.NUMBER,
            "(\\d{3})(?<!\\d{4})(?<!\\d[- ]\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?!\\d)(?![- ]\\d)");

    private static final ContextWords CONTEXT =
            new ContextWords("ssns?|ssn\\s*#|social\\s+security|soc\\.?\\s*sec\\.?|ss\\s*#|ss\\s+no");

    /** Published samples and advertising numbers that were never anyone's SSN. */
    private static final Set<String> SAMPLES = Set.of("078051120", "219099999", "123456789", "457555462");

    @Override
    public String pack() {
        return PACK;
    }

    @Override
    public List<Hit> detect(ScanText text) {
        List<Hit> found = new ArrayList<>();
        CANDIDATE.forEach(text, m -> {
            String digits = m.group(1) + m.group(3) + m.group(4);
            if (issuable(digits) && ("-".equals(m.group(2)) || CONTEXT.near(text, m.start(), m.end()))) {
                found.add(new Hit(m.start(), Mask.ssn(digits)));
            }
        });
        return found;
    }

    /** Whether nine digits could be an issued SSN. */
    static boolean issuable(String digits) {
        int area = Integer.parseInt(digits.substring(0, 3));
        return area != 0 && area != 666 && area < 900
                && !digits.startsWith("00", 3)
                && !digits.endsWith("0000")
                && !SAMPLES.contains(digits)
                && !digits.chars().allMatch(c -> c == digits.charAt(0));
    }
}
