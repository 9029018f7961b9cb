package io.sealpost.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why one recipient did not get a message: the next hop's reply (or what went wrong before there
 * was one), and whether retrying cannot help. A 5xx reply is permanent; a 4xx reply and trouble
 * reaching the hop are not.
 */
public record Refusal(String reply, boolean permanent) {

    private static final Pattern SMTP_REPLY = Pattern.compile("^\\d{3}[ -]");
    private static final Pattern ENHANCED_CODE = Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    /**
     * The RFC 3463 status a bounce reports: the reply's enhanced code; 5.0.0 for a permanent
     * failure without one; 5.4.7 (delivery time expired) for a temporary failure that outlasted
     * the retries.
     */
    public String status() {
        Matcher code = ENHANCED_CODE.matcher(reply);
        if (permanent) {
            return code.find() && code.group(1).equals("5") ? code.group(1) + "." + code.group(2) + "." + code.group(3) : "5.0.0";
        }
        return "5.4.7";
    }

    /** The RFC 3464 Diagnostic-Code value: an SMTP reply as such, anything else as Sealpost's own text. */
    public String diagnosticCode() {
        return (SMTP_REPLY.matcher(reply).find() ? "smtp; " : "X-Sealpost; ") + reply.replaceAll("\\s+", " ").strip();
    }
}
