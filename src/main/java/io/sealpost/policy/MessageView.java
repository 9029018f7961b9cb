package io.sealpost.policy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.apache.camel.Exchange;

/**
 * The exchange's raw message parsed once with Jakarta Mail and kept beside it, so the router's
 * predicates and the steps after them share one parse. A step that replaces the body gets a
 * fresh parse.
 */
public final class MessageView {

    private static final String PROPERTY = "SealpostParsedMessage";
    private static final Session SESSION = Session.getInstance(new Properties());

    private record Parsed(byte[] source, MimeMessage message) {
    }

    private MessageView() {
    }

    public static MimeMessage of(Exchange exchange) throws MessagingException {
        byte[] raw = exchange.getIn().getBody(byte[].class);
        Parsed parsed = exchange.getProperty(PROPERTY, Parsed.class);
        if (parsed == null || parsed.source() != raw) {
            parsed = new Parsed(raw, parse(raw));
            exchange.setProperty(PROPERTY, parsed);
            exchange.getIn().setBody(raw);
        }
        return parsed.message();
    }

    public static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }
}
