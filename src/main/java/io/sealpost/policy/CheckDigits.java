package io.sealpost.policy;

/** Check-digit algorithms of the identifiers the packs validate. Inputs are digit strings. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** Luhn (mod 10): payment cards, NPI. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** ABA routing number check digit: weights 3-7-1, sum divisible by 10. */
    static boolean aba(String digits) {
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        int[] weights = {3, 7, 1};
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * weights[i % 3];
        }
        return sum % 10 == 0;
    }

    /** NPI: Luhn over the number prefixed with the card issuer prefix 80840. */
    static boolean npi(String digits) {
        return digits.length() == 10 && luhn("80840" + digits);
    }

    /** DEA registration: two letters, six digits and a check digit (d1+d3+d5 + 2*(d2+d4+d6)) mod 10. */
    static boolean dea(String number) {
        String d = number.substring(2);
        int odd = (d.charAt(0) - '0') + (d.charAt(2) - '0') + (d.charAt(4) - '0');
        int even = (d.charAt(1) - '0') + (d.charAt(3) - '0') + (d.charAt(5) - '0');
        return (odd + 2 * even) % 10 == d.charAt(6) - '0';
    }
}
