package io.sealpost.delivery;

/** Exchange headers that carry the SMTP envelope and the spool bookkeeping through the routes. */
public final class Envelope {

    /** The reverse path; empty for the null sender. */
    public static final String FROM = "SealpostEnvelopeFrom";
    /** {@code List<String>} of recipient addresses this exchange is for. */
    public static final String TO = "SealpostEnvelopeTo";
    public static final String CLIENT_ADDRESS = "SealpostClientAddress";
    public static final String SPOOL_ID = "SealpostSpoolId";
    /** Delivery attempts already made for these recipients. */
    public static final String ATTEMPTS = "SealpostDeliveryAttempts";
    /** Set on a deferred entry already decided protected, so a retry never falls back to plain relay. */
    public static final String PROTECTED = "SealpostProtected";

    private Envelope() {
    }
}
