package io.sealpost.notify;

import com.github.mustachejava.Mustache;
import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import io.sealpost.delivery.Envelope;
import io.sealpost.seal.PortalGrant;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Exchange;

/**
 * Builds the mail Sealpost itself sends: the notification that a secure message waits in the
 * portal, and the one-time code. HTML with a plain-text alternative, from templates; nothing of
 * the protected message in it but the sender (and the subject, only where configured).
 */
public final class Notifier {

    private final Session session = Session.getInstance(new Properties());
    private final InternetAddress from;
    private final String portalBaseUrl;
    private final boolean includeSubject;
    private final Mustache subject;
    private final Mustache html;
    private final Mustache text;
    private final Mustache codeSubject;
    private final Mustache codeHtml;
    private final Mustache codeText;

    public Notifier(Settings settings, Templates templates) {
        try {
            this.from = new InternetAddress(settings.string("sealpost.notify.from", "Sealpost <no-reply@localhost>"), true);
        } catch (AddressException e) {
            throw new SettingException("sealpost.notify.from is not a mail address: " + e.getMessage());
        }
        this.portalBaseUrl = settings.string("sealpost.portal.base-url", "http://localhost:8080").replaceFirst("/+$", "");
        this.includeSubject = settings.bool("sealpost.notify.include-subject", false);
        this.subject = templates.load("notification-subject.txt.mustache");
        this.html = templates.load("notification.html.mustache");
        this.text = templates.load("notification.txt.mustache");
        this.codeSubject = templates.load("code-subject.txt.mustache");
        this.codeHtml = templates.load("code.html.mustache");
        this.codeText = templates.load("code.txt.mustache");
    }

    /**
     * Turns the exchange into the notification for one grant: body, envelope sender and recipient.
     * It is a new mail with attempts of its own, written on behalf of the sealed message's sender.
     */
    public void notification(PortalGrant grant, Exchange exchange) throws MessagingException, IOException {
        Map<String, Object> values = new HashMap<>();
        values.put("sender", grant.sender());
        values.put("recipient", grant.recipient());
        values.put("link", portalBaseUrl + "/m/" + grant.token());
        values.put("portal", portalBaseUrl);
        if (includeSubject && grant.subject() != null) {
            values.put("subject", grant.subject());
        }
        setMail(exchange, grant.recipient(), values, subject, html, text);
        exchange.getIn().setHeader(Envelope.ON_BEHALF_OF, grant.envelopeFrom());
        exchange.getIn().setHeader(Envelope.ATTEMPTS, 0);
        exchange.getIn().removeHeader(Envelope.PROTECTED);
    }

    /** Turns the exchange into the mail carrying a one-time code. */
    public void oneTimeCode(String recipient, String code, long validMinutes, Exchange exchange) throws MessagingException, IOException {
        Map<String, Object> values = Map.of("recipient", recipient, "code", code, "minutes", validMinutes, "portal", portalBaseUrl);
        setMail(exchange, recipient, values, codeSubject, codeHtml, codeText);
    }

    private void setMail(Exchange exchange, String recipient, Map<String, Object> values,
                         Mustache subjectTemplate, Mustache htmlTemplate, Mustache textTemplate)
            throws MessagingException, IOException {
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(from);
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient, false));
        mail.setSubject(Templates.render(subjectTemplate, values).strip(), "UTF-8");
        mail.setSentDate(new Date());
        mail.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(Templates.render(textTemplate, values), "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(Templates.render(htmlTemplate, values), "UTF-8", "html");
        mail.setContent(new MimeMultipart("alternative", plain, rich));
        mail.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.writeTo(bytes);
        exchange.getIn().setBody(bytes.toByteArray());
        exchange.getIn().setHeader(Envelope.FROM, from.getAddress());
        exchange.getIn().setHeader(Envelope.TO, List.of(recipient));
    }
}
