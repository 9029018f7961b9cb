package io.sealpost.delivery;

import java.util.List;

/** One next hop for outgoing mail. */
interface Relay extends AutoCloseable {

    /**
     * Delivers to the recipients; those that did not get the message come back in the
     * exception, each with its {@link Refusal}, and the others must not be sent it again.
     */
    void deliver(byte[] message, String envelopeFrom, List<String> recipients) throws DeliveryException;

    /** Lets go of what the relay holds between messages (open sessions); nothing by default. */
    @Override
    default void close() {
    }
}
