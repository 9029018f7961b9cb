package io.sealpost.seal;

/**
 * What a notification needs to tell one recipient about one sealed message. The token exists in
 * clear only here, on its way into the notification; the database keeps its hash.
 */
public record PortalGrant(String recipient, String token, String sealedMessageId, String sender, String subject) {

    @Override
    public String toString() {
        return "PortalGrant[recipient=" + recipient + ", sealedMessageId=" + sealedMessageId + "]";
    }
}
