package io.sealpost.config;

/** A setting that is missing or malformed; the message names it and says what is expected. */
public class SettingException extends RuntimeException {
    public SettingException(String message) {
        super(message);
    }
}
