package io.sealpost.delivery;

import java.util.List;

/** One next hop for outgoing mail. */
interface Relay extends AutoCloseable {

    void deliver(byte[] message, String envelopeFrom, List<String> recipients) throws DeliveryException;

    /** Lets go of what the relay holds between messages (open sessions); nothing by default. */
    @Override
    default void close() {
    }
}
