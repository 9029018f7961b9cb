package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.seal.SealedMessages;
import io.sealpost.policy.MessageView;
import io.sealpost.store.SealedMessage;
import io.sealpost.testing.Fixtures;
import io.sealpost.testing.RunningSealpost;
import io.sealpost.testing.SmtpSink;
import io.sealpost.testing.TestCertificates;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole path over real SMTP: Sealpost between a client and two real next hops, one plain and
 * one that insists on STARTTLS with a certificate Sealpost is told to trust.
 */
class ProtectedDeliveryTest {

    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/m/[A-Za-z0-9_-]{43})");

    @TempDir
    static Path temp;
    static SmtpSink plainHop;
    static SmtpSink tlsHop;
    static RunningSealpost sealpost;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates certificates = TestCertificates.selfSigned("localhost");
        plainHop = SmtpSink.plain();
        tlsHop = SmtpSink.requiringTls(certificates.serverContext());
        Path domains = Files.writeString(temp.resolve("forcetls.txt"), "tls.example\n.secure-partner.example\n");
        sealpost = RunningSealpost.start(temp.resolve("data"), Map.of(
                "sealpost.relay.uri", plainHop.uri(),
                "sealpost.forcetls.uri", tlsHop.uri(),
                "sealpost.forcetls.domains-file", domains.toString(),
                "sealpost.forcetls.truststore", certificates.writeTrustStore(temp.resolve("trust.p12")).toString(),
                "sealpost.forcetls.truststore-password", "changeit"));
    }

    @AfterAll
    static void stop() {
        sealpost.close();
        plainHop.close();
        tlsHop.close();
    }

    private static String message(String marker, String subjectHeader, String extraHeaders) {
        return "From: Alice Sender <alice@corp.example>\r\n"
                + "To: Bob <bob@partner.example>\r\n"
                + "Subject: " + subjectHeader + "\r\n"
                + extraHeaders
                + "Message-ID: <" + marker + "@corp.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Body " + marker + " for the partner.\r\n";
    }

    private static boolean carries(SmtpSink.Received received, String marker) {
        return received.text().contains(marker);
    }

    @Test
    void plainMessageIsRelayedUnchangedApartFromTraceHeaders() throws Exception {
        String marker = UUID.randomUUID().toString();
        String original = "Return-Receipt-To: alice@corp.example\r\n"
                + "From: Alice Sender <alice@corp.example>\r\n"
                + "To: Bob <bob@partner.example>,\r\n\tCarol <carol@partner.example>\r\n"
                + "Subject: Lunch on Friday\r\n"
                + "X-Custom:   spaced   value\r\n"
                + "Message-ID: <" + marker + "@corp.example>\r\n"
                + "\r\n"
                + "Plain body " + marker + "\r\n..leading dot line\r\n";
        sealpost.send("alice@corp.example", List.of("bob@partner.example", "carol@partner.example"), original);

        SmtpSink.Received relayed = plainHop.await(1, r -> carries(r, marker)).get(0);
        assertEquals("alice@corp.example", relayed.from());
        assertEquals(List.of("bob@partner.example", "carol@partner.example"), relayed.recipients());
        String withoutTrace = relayed.text().replaceAll("(?m)^Received: .*\r\n(?:[ \t].*\r\n)*", "");
        assertEquals(original, withoutTrace);
        assertTrue(relayed.text().startsWith("Received: "), "Sealpost adds its own trace header");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "keyword                    | [secure] Quarterly numbers                                  | ''                                     | Quarterly numbers",
            "keyword after reply prefix | RE: [SECURE] Quarterly numbers                              | ''                                     | RE: Quarterly numbers",
            "RFC 2047 encoded keyword   | =?UTF-8?B?W3NlY3VyZV0gUXVhcnRhbHN6YWhsZW4gZsO8ciBRMw==?=    | ''                                     | Quartalszahlen für Q3",
            "Company-Confidential       | Quarterly numbers                                           | 'Sensitivity: Company-Confidential\r\n' | Quarterly numbers",
            "Private sensitivity        | Quarterly numbers                                           | 'Sensitivity: Private\r\n'              | Quarterly numbers"})
    void protectedMessageIsSealedAndTheRecipientNotified(String name, String subject, String headers, String subjectSeen)
            throws Exception {
        String marker = UUID.randomUUID().toString();
        sealpost.send("alice@corp.example", List.of("bob@partner.example"), message(marker, subject, headers.replace("\\r\\n", "\r\n")));

        SmtpSink.Received notification = plainHop.await(1, r -> r.recipients().equals(List.of("bob@partner.example"))
                && r.text().contains("Alice Sender") && r.text().contains("sent you a secure message")
                && sealedMessageFor(r).map(m -> m.contains(marker)).orElse(false)).get(0);
        assertFalse(plainHop.received().stream().anyMatch(r -> carries(r, marker)), "the original never reaches the plain hop");
        assertFalse(notification.text().contains("Quarterly"), "the notification leaves out the subject by default");

        MimeMessage sealed = MessageView.parse(sealedMessageFor(notification).orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertEquals(subjectSeen, sealed.getSubject(), "the keyword is gone from the subject the recipient sees");
    }

    @ParameterizedTest(name = "SSN in {0}")
    @CsvSource({"body", "PDF attachment", "DOCX attachment"})
    void socialSecurityNumberInBodyOrAttachmentIsSealed(String where) throws Exception {
        String marker = UUID.randomUUID().toString();
        String text = "Employee record " + marker + ": SSN 524-71-6789, start date Monday.";
        MimeMessage message = switch (where) {
            case "body" -> Fixtures.message("Payroll", text);
            case "PDF attachment" -> Fixtures.withAttachment("record.pdf", "application/pdf", Fixtures.pdf(text));
            default -> Fixtures.withAttachment("record.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Fixtures.docx(text));
        };
        message.setFrom("Alice Sender <alice@corp.example>");
        message.setRecipients(MimeMessage.RecipientType.TO, "hank@partner.example");
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        message.writeTo(raw);
        sealpost.send("alice@corp.example", List.of("hank@partner.example"), raw.toByteArray());

        SmtpSink.Received notification = plainHop.await(1, r -> r.recipients().equals(List.of("hank@partner.example"))
                && sealedMessageFor(r).map(m -> m.contains(marker) || m.contains("record.")).orElse(false)).get(0);
        assertFalse(notification.text().contains("524-71-6789"));
        assertFalse(plainHop.received().stream().anyMatch(r -> r.text().contains("524-71-6789") || carries(r, marker)));
    }

    @Test
    void numbersThatOnlyLookSensitiveAreRelayedPlainly() throws Exception {
        String marker = UUID.randomUUID().toString();
        sealpost.send("alice@corp.example", List.of("ivy@partner.example"), message(marker, "Order 123-45-67890-22",
                "") .replace("for the partner.", "Call 555-867-5309, ZIP 62704-9376, order 1234567890123."));
        SmtpSink.Received relayed = plainHop.await(1, r -> carries(r, marker)).get(0);
        assertEquals(List.of("ivy@partner.example"), relayed.recipients());
    }

    /** The sealed message a notification links to, opened as the portal would. */
    private static java.util.Optional<String> sealedMessageFor(SmtpSink.Received notification) {
        Matcher link = LINK.matcher(notification.text());
        if (!link.find()) {
            return java.util.Optional.empty();
        }
        String token = link.group(1).substring(link.group(1).lastIndexOf('/') + 1);
        SealedMessages messages = sealedMessages();
        return messages.accessFor(token)
                .flatMap(access -> messages.message(access.sealedMessageId()))
                .map(sealed -> new String(messages.open(sealed), StandardCharsets.UTF_8));
    }

    private static SealedMessages sealedMessages() {
        return sealpost.application().camelContext().getRegistry().findSingleByType(SealedMessages.class);
    }

    @Test
    void forceTlsRecipientGetsTheMessageOverVerifiedTls() throws Exception {
        String marker = UUID.randomUUID().toString();
        sealpost.send("alice@corp.example", List.of("dan@tls.example"), message(marker, "[secure] Board minutes", ""));

        SmtpSink.Received delivered = tlsHop.await(1, r -> carries(r, marker)).get(0);
        assertEquals(List.of("dan@tls.example"), delivered.recipients());
        assertTrue(delivered.text().contains("Subject: Board minutes"), "the keyword is removed");
        assertFalse(plainHop.received().stream().anyMatch(r -> carries(r, marker) || r.recipients().contains("dan@tls.example")));
    }

    @Test
    void oneMessageTakesBothPathsForForceTlsAndOrdinaryRecipients() throws Exception {
        String marker = UUID.randomUUID().toString();
        sealpost.send("alice@corp.example", List.of("erin@mail.secure-partner.example", "frank@partner.example"),
                message(marker, "[secure] Offer", ""));

        SmtpSink.Received overTls = tlsHop.await(1, r -> carries(r, marker)).get(0);
        assertEquals(List.of("erin@mail.secure-partner.example"), overTls.recipients());
        SmtpSink.Received notification = plainHop.await(1, r -> r.recipients().equals(List.of("frank@partner.example"))
                && sealedMessageFor(r).map(m -> m.contains(marker)).orElse(false)).get(0);
        assertTrue(LINK.matcher(notification.text()).find());
        assertFalse(plainHop.received().stream().anyMatch(r -> carries(r, marker)));
    }

    @Test
    void forceTlsRecipientRefusedForGoodIsSealedWhileTheOtherKeepsItsSingleDelivery() throws Exception {
        String marker = UUID.randomUUID().toString();
        tlsHop.refuse("rita@tls.example", 550, "5.7.1 Not accepted here", Integer.MAX_VALUE);
        sealpost.send("alice@corp.example", List.of("sam@tls.example", "rita@tls.example"), message(marker, "[secure] Plans", ""));

        SmtpSink.Received notification = plainHop.await(1, r -> r.recipients().equals(List.of("rita@tls.example"))
                && sealedMessageFor(r).map(m -> m.contains(marker)).orElse(false)).get(0);
        assertTrue(LINK.matcher(notification.text()).find(), "the refused ForceTLS recipient gets the portal instead");
        assertEquals(1, tlsHop.received().stream().filter(r -> carries(r, marker)).count());
        assertEquals(List.of("sam@tls.example"), tlsHop.await(1, r -> carries(r, marker)).get(0).recipients());
        assertEquals(1, tlsHop.timesOffered("rita@tls.example"), "a 550 is final");
        assertEquals(1, tlsHop.timesOffered("sam@tls.example"), "the accepted recipient is not sent it again");
    }

    @Test
    void sealedRowHoldsNoPlaintext() throws Exception {
        String marker = "PLAINTEXT-" + UUID.randomUUID();
        sealpost.send("alice@corp.example", List.of("gina@partner.example"), message(marker, "[secure] Salary review", ""));
        plainHop.await(1, r -> r.recipients().equals(List.of("gina@partner.example")));

        List<SealedMessage> rows = sealpost.application().database().inTransaction(em ->
                em.createQuery("select m from SealedMessage m where m.recipients = 'gina@partner.example'", SealedMessage.class)
                        .getResultList());
        assertEquals(1, rows.size());
        SealedMessage row = rows.get(0);
        String stored = new String(row.content().ciphertext(), StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains(marker));
        assertFalse(stored.contains("Salary review"));
        assertEquals(12, row.content().nonce().length);
        assertTrue(new String(sealedMessages().open(row), StandardCharsets.UTF_8).contains(marker), "and it opens again");
    }
}
