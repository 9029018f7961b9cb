package io.sealpost.portal;

import io.sealpost.policy.MessageView;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * A sealed message opened for reading: its headers, the one body a reader should see (HTML
 * preferred over its plain-text alternative) and every other leaf part as a numbered attachment.
 */
final class OpenedMessage {


    record Attachment(int number, String name, String contentType, byte[] content) {
    }

    private final MimeMessage message;
    private Part body;
    private final List<Attachment> attachments = new ArrayList<>();

    private OpenedMessage(MimeMessage message) throws MessagingException, IOException {
        this.message = message;
        collect(message);
    }

    static OpenedMessage parse(byte[] raw) throws MessagingException, IOException {
        return new OpenedMessage(MessageView.parse(raw));
    }

    /** The From header as a person would write it, or {@code null} when there is none. */
    String sender() throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        if (from[0] instanceof InternetAddress address && address.getPersonal() != null) {
            return address.getPersonal() + " <" + address.getAddress() + ">";
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }

    Date sentDate() throws MessagingException {
        return message.getSentDate();
    }

    String subject() throws MessagingException {
        return message.getSubject();
    }

    boolean hasHtmlBody() throws MessagingException {
        return body != null && body.isMimeType("text/html");
    }

    /** The body as text (markup included for HTML), or the empty string for a message without one. */
    String bodyText() throws MessagingException, IOException {
        return body == null ? "" : decodeText(body);
    }

    List<Attachment> attachments() {
        return attachments;
    }

    private void collect(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/alternative") && part.getContent() instanceof Multipart alternatives) {
            collect(richestAlternative(alternatives));
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i));
            }
        } else if (body == null && !isAttachment(part) && (part.isMimeType("text/html") || part.isMimeType("text/plain"))) {
            body = part;
        } else {
            attachments.add(new Attachment(attachments.size() + 1, fileName(part), baseType(part), readAll(part)));
        }
    }

    /** HTML first, then a structured alternative (related, mixed), then plain text. */
    private static Part richestAlternative(Multipart alternatives) throws MessagingException {
        BodyPart structured = null;
        BodyPart plain = null;
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart candidate = alternatives.getBodyPart(i);
            if (candidate.isMimeType("text/html")) {
                return candidate;
            } else if (candidate.isMimeType("multipart/*") && structured == null) {
                structured = candidate;
            } else if (candidate.isMimeType("text/plain") && plain == null) {
                plain = candidate;
            }
        }
        if (structured != null) {
            return structured;
        }
        return plain != null ? plain : alternatives.getBodyPart(0);
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    private String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // an undecodable encoded word: the raw name is still the best name there is
            }
            // only the last path segment: a name must not point anywhere on the reader's disk
            name = name.replaceAll(".*[/\\\\]", "").strip();
        }
        if (name == null || name.isEmpty()) {
            String extension = part.isMimeType("message/rfc822") ? ".eml" : part.isMimeType("text/*") ? ".txt" : "";
            name = "attachment-" + (attachments.size() + 1) + extension;
        }
        return name;
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }

    private static byte[] readAll(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String decodeText(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            if (declared != null) {
                charset = Charset.forName(MimeUtility.javaCharset(declared));
            }
        } catch (ParseException | IllegalArgumentException e) {
            // unknown or malformed charset: UTF-8 reads ASCII right and shows the rest as replacement characters
        }
        return new String(readAll(part), charset);
    }
}
