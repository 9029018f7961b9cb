package io.sealpost.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which part of a message a reader sees as its body, and what becomes a downloadable attachment. */
class OpenedMessageTest {

    private static OpenedMessage parse(String raw) throws Exception {
        return OpenedMessage.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void htmlInsideRelatedIsTheBodyAndItsInlineImageAndTheFilesAreAttachments() throws Exception {
        OpenedMessage message = parse("""
                From: =?UTF-8?Q?J=C3=BCrgen?= <j@corp.example>
                Subject: Report
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=alt

                --alt
                Content-Type: text/plain

                plain version
                --alt
                Content-Type: multipart/related; boundary=rel

                --rel
                Content-Type: text/html; charset=utf-8

                <p>html version</p>
                --rel
                Content-Type: image/png
                Content-ID: <logo>
                Content-Transfer-Encoding: base64

                iVBORw0K
                --rel--
                --alt--
                --outer
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''Bericht%20M%C3%A4rz.pdf
                Content-Transfer-Encoding: base64

                JVBERi0=
                --outer
                Content-Type: text/plain
                Content-Disposition: attachment; filename="..\\\\..\\\\evil.txt"

                not the body
                --outer--
                """);

        assertEquals("Jürgen <j@corp.example>", message.sender());
        assertTrue(message.hasHtmlBody());
        assertEquals("<p>html version</p>", message.bodyText().strip());
        List<OpenedMessage.Attachment> attachments = message.attachments();
        assertEquals(List.of("attachment-1", "Bericht März.pdf", "evil.txt"), attachments.stream().map(OpenedMessage.Attachment::name).toList());
        assertEquals(List.of("image/png", "application/pdf", "text/plain"), attachments.stream().map(OpenedMessage.Attachment::contentType).toList());
        assertEquals("%PDF-", new String(attachments.get(1).content(), StandardCharsets.US_ASCII));
    }

    @Test
    void aSinglePartTextMessageIsItsOwnBodyInItsCharset() throws Exception {
        OpenedMessage message = OpenedMessage.parse("Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nCaf\u00e9\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertEquals("Café", message.bodyText().strip());
        assertTrue(message.attachments().isEmpty());
    }

    @Test
    void downloadNamesAreEncodedForContentDisposition() {
        assertEquals("Bericht%20M%C3%A4rz.pdf", Portal.encodeRfc5987("Bericht März.pdf"));
        assertEquals("a%22b%3B.txt", Portal.encodeRfc5987("a\"b;.txt"));
    }

    @Test
    void addressesAreMaskedToTheirFirstLetterAndDomain() {
        assertEquals("j***@example.com", Portal.masked("jane.doe@example.com"));
    }
}
