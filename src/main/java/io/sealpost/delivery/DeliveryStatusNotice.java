package io.sealpost.delivery;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Exchange;

/**
 * The bounce: an RFC 3464 delivery status notification ({@code multipart/report;
 * report-type=delivery-status}) telling the sender which recipients will not get their message
 * and why. Three parts: a sentence for people, the {@code message/delivery-status} fields (one
 * block per failed recipient), and the original's header section as {@code text/rfc822-headers};
 * never its body, which may be protected content. It comes from {@code MAILER-DAEMON} with the
 * null envelope sender, so nothing ever bounces it back.
 */
public final class DeliveryStatusNotice {

    private final Session session = Session.getInstance(new Properties());
    private final String reportingHost;
    private final InternetAddress from;

    public DeliveryStatusNotice(String reportingHost) {
        this.reportingHost = reportingHost;
        try {
            this.from = new InternetAddress("MAILER-DAEMON@" + reportingHost, "Mail Delivery System", "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the exchange's message with the bounce to {@link Envelope#RETURN_TO} for the
     * recipients in {@link Envelope#BOUNCED}; a mail Sealpost wrote {@link Envelope#ON_BEHALF_OF}
     * the sender (a notification) is reported as such.
     */
    public void build(Exchange exchange) throws MessagingException, IOException {
        @SuppressWarnings("unchecked")
        Map<String, Refusal> bounced = exchange.getIn().getHeader(Envelope.BOUNCED, Map.class);
        String returnTo = exchange.getIn().getHeader(Envelope.RETURN_TO, String.class);
        boolean notification = exchange.getIn().getHeader(Envelope.ON_BEHALF_OF) != null;
        byte[] original = exchange.getIn().getBody(byte[].class);

        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(from);
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(returnTo, false));
        mail.setSubject(notification ? "Undelivered notification of your secure message" : "Undelivered Mail Returned to Sender",
                "UTF-8");
        mail.setSentDate(new Date());
        mail.setHeader("Auto-Submitted", "auto-replied");
        MimeMultipart report = new ReportMultipart();
        report.addBodyPart(explanation(bounced, notification));
        report.addBodyPart(part(deliveryStatus(bounced, exchange.getIn().getHeader(Envelope.RECEIVED_AT, Instant.class)),
                "message/delivery-status"));
        report.addBodyPart(part(headerSection(original == null ? new byte[0] : original), "text/rfc822-headers"));
        mail.setContent(report);
        mail.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.writeTo(bytes);
        exchange.getIn().setBody(bytes.toByteArray());
        exchange.getIn().setHeader(Envelope.FROM, "");
        exchange.getIn().setHeader(Envelope.TO, List.of(returnTo));
    }

    private MimeBodyPart explanation(Map<String, Refusal> bounced, boolean notification) throws MessagingException {
        StringBuilder text = new StringBuilder("This is the mail system at host ").append(reportingHost).append(".\r\n\r\n");
        text.append(notification
                ? "Your secure message was sealed in the portal, but the notification telling the following recipient(s)\r\n"
                        + "about it could not be delivered, so they have not been told it is waiting for them:\r\n\r\n"
                : "Your message could not be delivered to the following recipient(s). It was not sent to them;\r\n"
                        + "recipients not listed here have received it.\r\n\r\n");
        bounced.forEach((recipient, refusal) -> text.append("  <").append(recipient).append(">: ").append(refusal.reply()).append("\r\n"));
        text.append("\r\nThe delivery report and the headers of the undelivered message are attached.\r\n");
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text.toString(), "UTF-8", "plain");
        return part;
    }

    /** The per-message fields, then one block per recipient, each block after an empty line (RFC 3464 section 2). */
    private String deliveryStatus(Map<String, Refusal> bounced, Instant receivedAt) {
        StringBuilder fields = new StringBuilder("Reporting-MTA: dns; ").append(reportingHost).append("\r\n");
        if (receivedAt != null) {
            fields.append("Arrival-Date: ").append(new MailDateFormat().format(Date.from(receivedAt))).append("\r\n");
        }
        bounced.forEach((recipient, refusal) -> fields.append("\r\n")
                .append("Final-Recipient: rfc822; ").append(recipient).append("\r\n")
                .append("Action: failed\r\n")
                .append("Status: ").append(refusal.status()).append("\r\n")
                .append("Diagnostic-Code: ").append(refusal.diagnosticCode()).append("\r\n"));
        // the part is 7bit: a reply with other bytes keeps its shape with them replaced
        return fields.toString().replaceAll("[^\\x00-\\x7F]", "?");
    }

    /** The original's header section: everything before the first empty line, never the body. */
    private static byte[] headerSection(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            boolean lineStart = i == 0 || message[i - 1] == '\n';
            if (lineStart && (message[i] == '\n' || message[i] == '\r' && i + 1 < message.length && message[i + 1] == '\n')) {
                return Arrays.copyOf(message, i);
            }
        }
        return message;
    }

    private static MimeBodyPart part(String text, String type) throws MessagingException {
        return part(text.getBytes(StandardCharsets.US_ASCII), type);
    }

    private static MimeBodyPart part(byte[] content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        boolean ascii = true;
        for (byte b : content) {
            ascii &= b >= 0;
        }
        // message/* and header text go unencoded, so a reader sees them as written
        part.setHeader("Content-Transfer-Encoding", ascii ? "7bit" : "8bit");
        return part;
    }

    /** {@code multipart/report; report-type=delivery-status}; Jakarta Mail only sets the subtype. */
    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart() throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", "delivery-status");
            contentType = type.toString();
        }
    }
}
