package io.sealpost.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Pack {@code pci}: payment card numbers. 13-19 digits, unseparated or grouped with spaces or
 * dashes (4-4-4-4, 4-6-5, 4-6-4), passing Luhn, with the prefix and length of a card scheme.
 * Luhn-valid numbers without a scheme prefix (gift cards, internal ids) are not cards.
 */
final class CardDetector implements Detector {

    static final String PACK = "pci";

    /** Not glued to further digits; the look-behinds make it begin where a number begins. */
    private static final CandidatePattern CANDIDATE = new CandidatePattern(CandidatePattern.Start.NUMBER, "\\d(?<!\\d\\d)(?<!\\d[- ]\\d)(?:\\d{12,18}"
            + "|\\d{3}([ -])\\d{4}\\1\\d{4}\\1\\d{4}"
            + "|\\d{3}([ -])\\d{6}\\2\\d{4,5})(?!\\d)(?![- ]\\d)");

    @Override
    public String pack() {
        return PACK;
    }

    @Override
    public List<Hit> detect(ScanText text) {
        List<Hit> found = new ArrayList<>();
        CANDIDATE.forEach(text, m -> {
            String digits = m.group().replaceAll("[ -]", "");
            if (Scheme.of(digits) != null && CheckDigits.luhn(digits)) {
                found.add(new Hit(m.start(), Mask.lastFour(digits)));
            }
        });
        return found;
    }

    /** Card schemes by issuer prefix and length. */
    enum Scheme {
        VISA, MASTERCARD, AMEX, DISCOVER, JCB, DINERS;

        static Scheme of(String digits) {
            int length = digits.length();
            int p2 = Integer.parseInt(digits.substring(0, 2));
            int p3 = Integer.parseInt(digits.substring(0, 3));
            int p4 = Integer.parseInt(digits.substring(0, 4));
            int p6 = Integer.parseInt(digits.substring(0, 6));
            boolean long16to19 = length >= 16 && length <= 19;
            if (digits.charAt(0) == '4' && (length == 13 || length == 16 || length == 19)) {
                return VISA;
            }
            if ((p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) && length == 16) {
                return MASTERCARD;
            }
            if ((p2 == 34 || p2 == 37) && length == 15) {
                return AMEX;
            }
            if ((p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925) && long16to19) {
                return DISCOVER;
            }
            if (p4 >= 3528 && p4 <= 3589 && long16to19) {
                return JCB;
            }
            if ((p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) && (length == 14 || long16to19)) {
                return DINERS;
            }
            return null;
        }
    }
}
