package io.sealpost.config;

/** A setting that is missing or malformed; the message names it and says what is expected. */
public class SettingException extends RuntimeException {
    public SettingException(String message) {
        super(message);
    }

    /** The innermost cause's message: what a person can act on, without the layers around it. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
