package io.sealpost.delivery;

import java.util.List;

/** One next hop for outgoing mail. */
interface Relay {

    void deliver(byte[] message, String envelopeFrom, List<String> recipients) throws DeliveryException;
}
