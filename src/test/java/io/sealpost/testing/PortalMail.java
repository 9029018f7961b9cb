package io.sealpost.testing;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail side of a portal test: a protected message with an HTML body and an attachment, and
 * what Sealpost mails back about it (the notification's link, the one-time codes), read from the
 * outbox as a recipient's mail client would decode it.
 */
public final class PortalMail {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/m/[A-Za-z0-9_-]+");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private PortalMail() {
    }

    /** A {@code [secure]} message: text and hostile HTML alternatives, plus one attachment. */
    public static byte[] secureMessage(String from, String to, String subject, String text, String html,
                                       String attachmentName, String attachmentType, byte[] attachment) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject("[secure] " + subject, "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8", "plain");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(new MimeMultipart("alternative", plain, rich));
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, attachmentType)));
        file.setFileName(attachmentName);
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        file.setHeader("Content-Transfer-Encoding", "base64");
        message.setContent(new MimeMultipart(body, file));
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    /** Sends the message to one recipient and returns the portal link from their notification. */
    public static String sealAndGetLink(RunningSealpost sealpost, String from, String to, byte[] message) throws Exception {
        sealpost.send(from, List.of(to), message);
        return awaitLink(sealpost, to);
    }

    /** Waits for the notification to the recipient and returns its portal link. */
    public static String awaitLink(RunningSealpost sealpost, String recipient) throws Exception {
        String notification = sealpost.awaitOutbox(1, mail -> isFor(mail, recipient) && !isCodeMail(mail)).get(0);
        Matcher link = LINK.matcher(plainText(notification));
        if (!link.find()) {
            throw new AssertionError("no portal link in the notification to " + recipient);
        }
        return link.group();
    }

    /** Waits for the {@code nth} code mail (1-based) to the recipient and returns its code. */
    public static String awaitCode(RunningSealpost sealpost, String recipient, int nth) throws Exception {
        String mail = sealpost.awaitOutbox(nth, found -> isFor(found, recipient) && isCodeMail(found)).get(nth - 1);
        Matcher code = CODE.matcher(plainText(mail));
        if (!code.find()) {
            throw new AssertionError("no code in the code mail to " + recipient);
        }
        return code.group(1);
    }

    public static long codeMailsTo(RunningSealpost sealpost, String recipient) {
        return sealpost.outboxMessages().stream().filter(mail -> isFor(mail, recipient) && isCodeMail(mail)).count();
    }

    private static boolean isFor(String outboxFile, String recipient) {
        return outboxFile.contains("X-Envelope-To: <" + recipient + ">");
    }

    private static boolean isCodeMail(String outboxFile) {
        return outboxFile.contains("Subject: Your Sealpost security code");
    }

    /** The decoded text/plain part, so quoted-printable line breaks cannot split a link. */
    private static String plainText(String outboxFile) throws Exception {
        MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(outboxFile.getBytes(StandardCharsets.UTF_8)));
        Multipart alternatives = (Multipart) mail.getContent();
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text/plain part in " + mail.getSubject());
    }
}
