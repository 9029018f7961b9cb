package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.testing.RunningSealpost;
import io.sealpost.testing.SmtpSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ForceTLS hop that offers no STARTTLS never sees the message; the recipient gets the portal instead. */
class ForceTlsWithoutStartTlsTest {

    @TempDir
    Path temp;

    @Test
    void protectedMailIsNeverSentInClearAndFallsBackToThePortal() throws Exception {
        try (SmtpSink cleartextOnly = SmtpSink.plain(); SmtpSink notifications = SmtpSink.plain()) {
            Path domains = Files.writeString(temp.resolve("forcetls.txt"), "tls.example\n");
            try (RunningSealpost sealpost = RunningSealpost.start(temp.resolve("data"), Map.of(
                    "sealpost.relay.uri", notifications.uri(),
                    "sealpost.forcetls.uri", cleartextOnly.uri(),
                    "sealpost.forcetls.domains-file", domains.toString(),
                    "sealpost.forcetls.max-attempts", "2"))) {
                String marker = UUID.randomUUID().toString();
                sealpost.send("alice@corp.example", List.of("dan@tls.example"),
                        "From: alice@corp.example\r\nTo: dan@tls.example\r\nSubject: [secure] Board minutes\r\n\r\n" + marker + "\r\n");

                SmtpSink.Received notice = notifications.await(1, r -> r.recipients().equals(List.of("dan@tls.example"))).get(0);
                assertFalse(notice.text().contains(marker));
                assertEquals(List.of(), cleartextOnly.received(), "nothing went to the hop without STARTTLS");
                assertFalse(notifications.received().stream().anyMatch(r -> r.text().contains(marker)));
            }
        }
    }

    @Test
    void withTheOutboxAsNextHopForceTlsRecipientsGetThePortalAndNothingLandsInClear() throws Exception {
        Path domains = Files.writeString(temp.resolve("forcetls.txt"), "tls.example\n");
        try (RunningSealpost sealpost = RunningSealpost.start(temp.resolve("data"), Map.of(
                "sealpost.forcetls.domains-file", domains.toString()))) {
            String marker = UUID.randomUUID().toString();
            sealpost.send("alice@corp.example", List.of("dan@tls.example"),
                    "From: alice@corp.example\r\nTo: dan@tls.example\r\nSubject: [secure] Board minutes\r\n\r\n" + marker + "\r\n");

            List<String> outbox = sealpost.awaitOutbox(1, mail -> mail.contains("X-Envelope-To: <dan@tls.example>"));
            assertTrue(outbox.get(0).contains("/m/"), "a portal notification");
            assertFalse(sealpost.outboxMessages().stream().anyMatch(mail -> mail.contains(marker)));
        }
    }
}
