package io.sealpost.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery that did not happen for some or all of its recipients, each with its
 * {@link Refusal}. Recipients the next hop accepted are not among them and must not be sent the
 * message again.
 */
public class DeliveryException extends Exception {

    private final Map<String, Refusal> refusals;

    public DeliveryException(String message, Map<String, Refusal> refusals, Throwable cause) {
        super(message, cause);
        this.refusals = Collections.unmodifiableMap(new LinkedHashMap<>(refusals));
    }

    /** The whole delivery failed alike for every recipient. */
    public static DeliveryException forAll(List<String> recipients, String message, boolean permanent, Throwable cause) {
        Refusal refusal = new Refusal(message, permanent);
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        recipients.forEach(recipient -> refusals.put(recipient, refusal));
        return new DeliveryException(message, refusals, cause);
    }

    /** Recipient to refusal, for every recipient that did not get the message. */
    public Map<String, Refusal> refusals() {
        return refusals;
    }

    /** The recipients that did not get the message. */
    public List<String> recipients() {
        return List.copyOf(refusals.keySet());
    }

    /** Whether retrying can help none of the recipients. */
    public boolean permanent() {
        return refusals.values().stream().allMatch(Refusal::permanent);
    }
}
