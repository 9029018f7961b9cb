package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.testing.RunningSealpost;
import io.sealpost.testing.SmtpSink;
import jakarta.mail.internet.MailDateFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-recipient outcomes over real SMTP: a next hop that refuses some recipients for good (550)
 * or for now (450). Refused for good means one bounce (RFC 3464) to the sender and no retry;
 * refused for now means a later attempt for just that recipient; recipients the hop took are
 * never sent the message again. Retry delays are 1 s (three of them), so "nothing more comes"
 * is checked by waiting past them.
 */
class BounceTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/m/[A-Za-z0-9_-]{43}");
    /** Longer than all retry delays together: whatever would be retried has been by then. */
    private static final long PAST_THE_RETRIES_MILLIS = 5000;

    @TempDir
    static Path temp;
    static SmtpSink hop;
    static RunningSealpost sealpost;

    @BeforeAll
    static void start() {
        hop = SmtpSink.plain();
        sealpost = RunningSealpost.start(temp.resolve("data"), Map.of("sealpost.relay.uri", hop.uri()));
    }

    @AfterAll
    static void stop() {
        sealpost.close();
        hop.close();
    }

    private static String message(String subject, String messageId, String body) {
        return "From: Alice Sender <alice@corp.example>\r\n"
                + "To: the team\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + "@corp.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + body + "\r\n";
    }

    private static boolean isBounceFor(SmtpSink.Received received, String recipient) {
        return received.from().isEmpty() && received.text().contains("Final-Recipient: rfc822; " + recipient);
    }

    private static List<SmtpSink.Received> to(String recipient) {
        return hop.received().stream().filter(r -> r.recipients().contains(recipient)).toList();
    }

    private static void assertIsDeliveryStatusNotice(SmtpSink.Received bounce, String failedRecipient, String status) {
        assertEquals(List.of("alice@corp.example"), bounce.recipients());
        String text = bounce.text();
        assertTrue(text.contains("Content-Type: multipart/report;"), text);
        assertTrue(text.contains("report-type=delivery-status"), text);
        assertTrue(text.contains("From: Mail Delivery System <MAILER-DAEMON@"), text);
        assertTrue(text.contains("Content-Type: message/delivery-status"), text);
        assertTrue(text.contains("Content-Type: text/rfc822-headers"), text);
        assertTrue(text.contains("Reporting-MTA: dns; "), text);
        assertTrue(text.contains("Arrival-Date: "), text);
        assertTrue(text.contains("Final-Recipient: rfc822; " + failedRecipient + "\r\nAction: failed\r\nStatus: " + status + "\r\n"
                + "Diagnostic-Code: smtp; "), text);
    }

    @Test
    void protectedMessageWithOneRecipientRefusedForGood() throws Exception {
        String body = "SECRET-BODY-" + UUID.randomUUID();
        hop.refuse("bad2@partner.example", 550, "5.1.1 No such user", Integer.MAX_VALUE);
        sealpost.send("alice@corp.example", List.of("good2@partner.example", "bad2@partner.example"),
                message("[secure] Salaries", UUID.randomUUID().toString(), body));

        SmtpSink.Received bounce = hop.await(1, r -> isBounceFor(r, "bad2@partner.example")).get(0);
        assertIsDeliveryStatusNotice(bounce, "bad2@partner.example", "5.1.1");
        assertTrue(bounce.text().contains("550 5.1.1 No such user"), bounce.text());
        assertTrue(bounce.text().contains("notification"), bounce.text());
        assertTrue(bounce.text().contains("sent you a secure message"), "the headers of the undelivered notification are in it");
        assertFalse(bounce.text().contains(body), "the protected body never is");
        assertFalse(bounce.text().contains("good2@partner.example"), "the notified recipient is not reported");

        Thread.sleep(PAST_THE_RETRIES_MILLIS);
        List<SmtpSink.Received> notifications = to("good2@partner.example");
        assertEquals(1, notifications.size(), "exactly one notification for the good recipient");
        assertEquals(1, LINK.matcher(notifications.get(0).text()).results().map(MatchResult::group).distinct().count(),
                "one link (in both the text and the HTML part)");
        assertEquals(1, hop.timesOffered("bad2@partner.example"), "a 550 is final: no retry");
        assertEquals(1, hop.received().stream().filter(r -> isBounceFor(r, "bad2@partner.example")).count());
        assertEquals(1L, (long) sealpost.application().database().inTransaction(em -> em.createQuery(
                "select count(m) from SealedMessage m where m.recipients like '%good2@partner.example%'", Long.class)
                .getSingleResult()), "sealed once");
        assertFalse(hop.received().stream().anyMatch(r -> r.text().contains(body)));
    }

    @Test
    void plainMessageWithOneRecipientRefusedForGood() throws Exception {
        String marker = UUID.randomUUID().toString();
        hop.refuse("bad1@partner.example", 550, "5.1.1 No such user", Integer.MAX_VALUE);
        sealpost.send("alice@corp.example", List.of("good1@partner.example", "bad1@partner.example"),
                message("Lunch", marker, "Plain body " + marker));

        SmtpSink.Received bounce = hop.await(1, r -> isBounceFor(r, "bad1@partner.example")).get(0);
        assertIsDeliveryStatusNotice(bounce, "bad1@partner.example", "5.1.1");
        assertTrue(bounce.text().contains("Message-ID: <" + marker + "@corp.example>"), "the original's headers are in it");
        assertFalse(bounce.text().contains("Plain body"), "its body is not");

        Thread.sleep(PAST_THE_RETRIES_MILLIS);
        List<SmtpSink.Received> delivered = to("good1@partner.example");
        assertEquals(1, delivered.size(), "the good recipient gets it exactly once");
        assertEquals(List.of("good1@partner.example"), delivered.get(0).recipients());
        assertEquals(1, hop.timesOffered("bad1@partner.example"), "a 550 is final: no retry");
        assertEquals(1, hop.received().stream().filter(r -> isBounceFor(r, "bad1@partner.example")).count());
    }

    @Test
    void recipientRefusedForNowGetsItLaterAndAloneTheOtherOnce() throws Exception {
        String marker = UUID.randomUUID().toString();
        hop.refuse("busy3@partner.example", 450, "4.2.1 Mailbox busy, try later", 1);
        sealpost.send("alice@corp.example", List.of("good3@partner.example", "busy3@partner.example"),
                message("Minutes", marker, "Plain body " + marker));

        SmtpSink.Received later = hop.await(1, r -> r.recipients().contains("busy3@partner.example")).get(0);
        assertEquals(List.of("busy3@partner.example"), later.recipients(), "the retry is for the deferred recipient only");
        assertTrue(later.text().contains(marker));

        Thread.sleep(PAST_THE_RETRIES_MILLIS);
        assertEquals(1, to("good3@partner.example").size(), "the accepted recipient got it once");
        assertEquals(1, to("busy3@partner.example").size());
        assertEquals(2, hop.timesOffered("busy3@partner.example"));
        assertFalse(hop.received().stream().anyMatch(r -> r.from().isEmpty() && r.text().contains(marker)), "no bounce");
    }

    @Test
    void recipientRefusedForNowOnEveryAttemptBouncesAfterTheLast() throws Exception {
        String marker = UUID.randomUUID().toString();
        hop.refuse("full4@partner.example", 452, "4.2.2 Mailbox full", Integer.MAX_VALUE);
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sealpost.send("alice@corp.example", List.of("good4@partner.example", "full4@partner.example"),
                message("Report", marker, "Plain body " + marker));

        SmtpSink.Received bounce = hop.await(1, r -> isBounceFor(r, "full4@partner.example")).get(0);
        assertIsDeliveryStatusNotice(bounce, "full4@partner.example", "5.4.7");
        assertTrue(bounce.text().contains("452 4.2.2 Mailbox full"), bounce.text());
        assertEquals(4, hop.timesOffered("full4@partner.example"), "the first attempt and one per retry delay");
        Matcher arrival = Pattern.compile("Arrival-Date: (.*)\r\n").matcher(bounce.text());
        assertTrue(arrival.find());
        Instant arrived = new MailDateFormat().parse(arrival.group(1)).toInstant();
        assertTrue(!arrived.isBefore(sent) && arrived.isBefore(sent.plusSeconds(2)),
                "Arrival-Date is when the message first came in, not when it was last deferred: " + arrived);
        assertEquals(1, to("good4@partner.example").size());
    }

    @Test
    void notificationRefusedForNowIsSentAgainWithoutResealing() throws Exception {
        String body = "SECRET-BODY-" + UUID.randomUUID();
        hop.refuse("slow5@partner.example", 451, "4.3.0 Try again later", 1);
        sealpost.send("alice@corp.example", List.of("slow5@partner.example", "quick5@partner.example"),
                message("[secure] Offer", UUID.randomUUID().toString(), body));

        SmtpSink.Received notification = hop.await(1, r -> r.recipients().equals(List.of("slow5@partner.example"))).get(0);
        assertTrue(LINK.matcher(notification.text()).find());
        Thread.sleep(PAST_THE_RETRIES_MILLIS);
        assertEquals(1, to("slow5@partner.example").size());
        assertEquals(1, to("quick5@partner.example").size(), "the other notification is not sent again");
        assertEquals(1L, (long) sealpost.application().database().inTransaction(em -> em.createQuery(
                "select count(m) from SealedMessage m where m.recipients like '%slow5@partner.example%'", Long.class)
                .getSingleResult()), "sealed once");
        assertFalse(hop.received().stream().anyMatch(r -> r.text().contains(body)));
    }

    @Test
    void notificationRefusedForGoodBouncesToTheSenderOfTheSealedMessage() throws Exception {
        String body = "SECRET-BODY-" + UUID.randomUUID();
        hop.refuse("gone6@partner.example", 550, "5.1.1 No such user", Integer.MAX_VALUE);
        sealpost.send("alice@corp.example", List.of("gone6@partner.example"), message("[secure] Offer", UUID.randomUUID().toString(), body));

        SmtpSink.Received bounce = hop.await(1, r -> isBounceFor(r, "gone6@partner.example")).get(0);
        assertIsDeliveryStatusNotice(bounce, "gone6@partner.example", "5.1.1");
        assertTrue(bounce.text().contains("notification"), bounce.text());
        assertFalse(bounce.text().contains(body));
    }

    @Test
    void mailFromTheNullSenderIsNeverBounced() throws Exception {
        String marker = UUID.randomUUID().toString();
        hop.refuse("bad7@partner.example", 550, "5.1.1 No such user", Integer.MAX_VALUE);
        sealpost.send("<>", List.of("bad7@partner.example"), message("Delivery report", marker, "Body " + marker));

        Thread.sleep(PAST_THE_RETRIES_MILLIS);
        assertEquals(1, hop.timesOffered("bad7@partner.example"));
        assertFalse(hop.received().stream().anyMatch(r -> r.text().contains("bad7@partner.example")), "no bounce to anyone");
    }

    @Test
    void aRecipientNamedTwiceGetsOneCopy() throws Exception {
        String marker = UUID.randomUUID().toString();
        sealpost.send("alice@corp.example", List.of("dup8@partner.example", "dup8@PARTNER.Example", "dup8@partner.example"),
                message("Twice", marker, "Body " + marker));

        SmtpSink.Received delivered = hop.await(1, r -> r.text().contains(marker)).get(0);
        assertEquals(List.of("dup8@partner.example"), delivered.recipients());
        Thread.sleep(500);
        assertEquals(1, hop.received().stream().filter(r -> r.text().contains(marker)).count());
    }
}
