package io.sealpost.smtp;

/**
 * Thrown by a step of the ingress route to refuse a message with a specific SMTP reply
 * (rather than the {@code 451} that any other failure gets).
 */
public class RefusedMessageException extends RuntimeException {

    private final int code;

    /** {@code reply} is the text after the code, starting with the enhanced status code. */
    public RefusedMessageException(int code, String reply) {
        super(reply);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
