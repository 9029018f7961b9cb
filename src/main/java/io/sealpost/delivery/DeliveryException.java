package io.sealpost.delivery;

/** A delivery that did not happen; {@code permanent} when retrying cannot help (a 5xx reply). */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
