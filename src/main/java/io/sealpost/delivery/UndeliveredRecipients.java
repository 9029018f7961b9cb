package io.sealpost.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Sorts the recipients of a caught {@link DeliveryException} for the undelivered route: refused
 * for now and with attempts left, they are deferred ({@link Envelope#DEFERRED}); refused for good,
 * or for now on the last attempt, they bounce ({@link Envelope#BOUNCED}).
 */
public final class UndeliveredRecipients {

    private final int maxAttempts;

    /** {@code maxAttempts}: the first attempt and one per spool retry delay. */
    public UndeliveredRecipients(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Expects {@link Envelope#ATTEMPTS} to count the attempt that just failed. */
    public void sort(Exchange exchange) {
        DeliveryException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DeliveryException.class);
        boolean attemptsLeft = exchange.getIn().getHeader(Envelope.ATTEMPTS, 0, Integer.class) < maxAttempts;
        List<String> deferred = new ArrayList<>();
        Map<String, Refusal> bounced = new LinkedHashMap<>();
        failure.refusals().forEach((recipient, refusal) -> {
            if (!refusal.permanent() && attemptsLeft) {
                deferred.add(recipient);
            } else {
                bounced.put(recipient, refusal);
            }
        });
        exchange.getIn().setHeader(Envelope.DEFERRED, deferred);
        exchange.getIn().setHeader(Envelope.BOUNCED, bounced);
    }
}
