package io.sealpost.policy;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;

/**
 * Walks a message's MIME tree: inline text and HTML parts are the {@code body} (HTML reduced to
 * text with jsoup, entities decoded, inline tags not splitting words or numbers); every other leaf
 * part, nested messages included, is an attachment handed to the {@link AttachmentExtractor}.
 * Every byte a reader could see is scanned: the header lines of the message and of its parts
 * (also lines that are not headers at all, which a receiving server shows as body), and the
 * preamble and epilogue of multiparts that mail clients hide but the raw message carries.
 * A part that cannot be decoded (unknown charset or transfer encoding, broken multipart) or that
 * nests too deep is reported unscannable; the walk goes on with the rest.
 */
final class MessageWalker {

    static final String BODY = "body";

    private final AttachmentExtractor attachments;
    private final int mimeDepth;

    MessageWalker(AttachmentExtractor attachments, int mimeDepth) {
        this.attachments = attachments;
        this.mimeDepth = mimeDepth;
    }

    void walk(Part message, ScanSink sink) {
        walk(message, "1", 0, new AtomicLong(), sink);
    }

    private void walk(Part part, String partId, int depth, AtomicLong messageChars, ScanSink sink) {
        String location = BODY;
        try {
            scanHeaders(part, depth, sink);
            boolean attachment = isAttachment(part);
            location = attachment ? "attachment:" + name(part, partId) : BODY;
            if (depth > mimeDepth) {
                sink.unscannable(location, "MIME parts nested more than " + mimeDepth + " levels deep", ScanSink.Cause.FAILED);
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), partId + "." + (i + 1), depth + 1, messageChars, sink);
                }
                if (multipart instanceof MimeMultipart mime && mime.getPreamble() != null) {
                    sink.text(BODY, mime.getPreamble());
                }
                epilogue(part).ifPresent(text -> sink.text(BODY, text));
            } else if (attachment) {
                attachments.extract(part.getInputStream(), name(part, partId), messageChars, sink);
            } else {
                String text = (String) part.getContent();
                sink.text(BODY, part.isMimeType("text/html") ? Jsoup.parse(text).text() : text);
            }
        } catch (UnsupportedEncodingException e) {
            sink.unscannable(location, "unknown charset: " + e.getMessage(), ScanSink.Cause.FAILED);
        } catch (MessagingException | IOException | RuntimeException e) {
            sink.unscannable(location, "cannot be decoded: " + Mask.digits(String.valueOf(e.getMessage())), ScanSink.Cause.FAILED);
        }
    }

    /**
     * Structural and trace headers carry ids, dates and signatures, not anything a person wrote,
     * and their digit runs would only make false alarms; the subject of the message itself is
     * scanned as {@code subject}.
     */
    private static final Set<String> MACHINE_HEADERS = Set.of("received", "return-path", "message-id", "references",
            "in-reply-to", "date", "mime-version", "dkim-signature", "domainkey-signature", "authentication-results",
            "received-spf", "x-envelope-from", "x-envelope-to", "thread-index", "x-ms-exchange-organization-scl");

    private static void scanHeaders(Part part, int depth, ScanSink sink) throws MessagingException {
        if (!(part instanceof MimePart mime)) {
            return;
        }
        Enumeration<String> lines = mime.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            String line = lines.nextElement().replaceAll("\\r?\\n[ \\t]", " ");
            int colon = line.indexOf(':');
            String name = colon > 0 && line.substring(0, colon).matches("[!-9;-~]+") ? line.substring(0, colon) : null;
            String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (MACHINE_HEADERS.contains(lower) || lower.startsWith("content-") || lower.startsWith("arc-")
                    || (depth == 0 && lower.equals("subject"))) {
                continue;
            }
            String value = name == null ? line : line.substring(colon + 1);
            try {
                value = MimeUtility.decodeText(value.strip());
            } catch (UnsupportedEncodingException e) {
                // scanned as it stands: an unknown charset in one encoded word hides nothing else
            }
            sink.text(name == null ? "header" : "header:" + name, value);
        }
    }

    /** The text after a multipart's closing delimiter, which Jakarta Mail parses past. */
    private static Optional<String> epilogue(Part part) throws MessagingException, IOException {
        String boundary = new ContentType(part.getContentType()).getParameter("boundary");
        InputStream raw = part instanceof MimeMessage message ? message.getRawInputStream()
                : part instanceof MimeBodyPart body ? body.getRawInputStream() : null;
        if (boundary == null || raw == null) {
            return Optional.empty();
        }
        String content;
        try (raw) {
            content = new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        int close = content.lastIndexOf("--" + boundary + "--");
        if (close < 0) {
            return Optional.empty();
        }
        String after = content.substring(close + boundary.length() + 4).strip();
        return after.isEmpty() ? Optional.empty() : Optional.of(after);
    }

    /** Anything but inline plain text or HTML (and multiparts) is an attachment. */
    private static boolean isAttachment(Part part) throws MessagingException {
        if (part.isMimeType("multipart/*")) {
            return false;
        }
        boolean text = part.isMimeType("text/plain") || part.isMimeType("text/html");
        return !text || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    private static String name(Part part, String partId) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return "part-" + partId;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }
}
