package io.sealpost.policy;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;

/**
 * Walks a message's MIME tree: inline text and HTML parts are the {@code body} (HTML reduced to
 * text with jsoup, entities decoded, inline tags not splitting words or numbers); every other leaf
 * part, nested messages included, is an attachment handed to the {@link AttachmentExtractor}.
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
            boolean attachment = isAttachment(part);
            location = attachment ? "attachment:" + name(part, partId) : BODY;
            if (depth > mimeDepth) {
                sink.unscannable(location, "MIME parts nested more than " + mimeDepth + " levels deep", ScanSink.Cause.FAILED);
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), partId + "." + (i + 1), depth + 1, messageChars, sink);
                }
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
