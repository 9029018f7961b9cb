package io.sealpost.seal;

/**
 * What a notification needs to tell one recipient about one sealed message. The token exists in
 * clear only here, on its way into the notification; the database keeps its hash. {@code sender}
 * is for display (the From header); {@code envelopeFrom} is who hears if the notification fails
 * (empty for the null sender).
 */
public record PortalGrant(String recipient, String token, String sealedMessageId, String sender, String envelopeFrom,
                          String subject) {

    @Override
    public String toString() {
        return "PortalGrant[recipient=" + recipient + ", sealedMessageId=" + sealedMessageId + "]";
    }
}
