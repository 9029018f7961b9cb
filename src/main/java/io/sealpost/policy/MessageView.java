package io.sealpost.policy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Properties;
import org.apache.camel.Exchange;

/**
 * The exchange's raw message parsed once with Jakarta Mail and kept beside it, so the router's
 * predicates and the steps after them share one parse. A step that replaces the body gets a
 * fresh parse.
 */
public final class MessageView {

    private static final String PROPERTY = "SealpostParsedMessage";
    /** Unencoded 8-bit header text is read as UTF-8 (RFC 6532), as today's clients send it, not as Latin-1. */
    private static final Session SESSION = Session.getInstance(utf8Headers());

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
        return parse(new ByteArrayInputStream(raw));
    }

    public static MimeMessage parse(InputStream raw) throws MessagingException {
        return new MimeMessage(SESSION, raw);
    }

    private static Properties utf8Headers() {
        Properties properties = new Properties();
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }
}
