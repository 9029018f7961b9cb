package io.sealpost.policy;

/** Evidence masking: sensitive values are never returned, stored or logged unmasked. */
final class Mask {

    private Mask() {
    }

    /** {@code ***-**-6789}. */
    static String ssn(String digits) {
        return "***-**-" + digits.substring(digits.length() - 4);
    }

    /** Every letter and digit but the last four replaced by {@code *}: {@code ************1234}. */
    static String lastFour(String value) {
        String compact = value.replaceAll("[^A-Za-z0-9]", "");
        int keep = Math.min(4, compact.length() / 2);
        return "*".repeat(compact.length() - keep) + compact.substring(compact.length() - keep);
    }

    /** Every digit replaced by {@code *}, the shape of the value kept (dates: stars and slashes). */
    static String digits(String value) {
        return value.replaceAll("[0-9]", "*");
    }
}
