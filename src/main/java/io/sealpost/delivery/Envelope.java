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
    /**
     * On mail Sealpost writes for someone (a notification): that person's address, who hears
     * about its failure; such mail goes from the spool straight back to its delivery.
     */
    public static final String ON_BEHALF_OF = "SealpostOnBehalfOf";
    /** When the spool first accepted this message (an {@link java.time.Instant}), kept when it is deferred. */
    public static final String RECEIVED_AT = "SealpostReceivedAt";
    /** {@code List<String>}: recipients refused for now, to be tried again from the spool. */
    public static final String DEFERRED = "SealpostDeferred";
    /** {@code Map<String, Refusal>}: recipients that will not get the message, for the bounce. */
    public static final String BOUNCED = "SealpostBounced";
    /** Whom a bounce goes to; empty for the null sender, who never gets one. */
    public static final String RETURN_TO = "SealpostReturnTo";

    private Envelope() {
    }
}
