package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.store.SpoolEntry;
import io.sealpost.testing.RunningSealpost;
import io.sealpost.testing.SmtpSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool entry whose route keeps failing for a reason that is no delivery refusal is retried,
 * parked FAILED after the last retry, and then bounced to its sender. The failure is made by
 * running the real routes with plain-relay replaced by one that always throws.
 */
class ParkedEntryBounceTest {

    @TempDir
    Path temp;

    @Test
    void entryParkedAfterItsRetriesBouncesToTheSender() throws Exception {
        Path routes = Files.createDirectories(temp.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        Files.writeString(routes.resolve("plain-relay.yaml"), """
                - route:
                    id: plain-relay
                    from:
                      uri: direct:plain-relay
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: simulated failure
                - route:
                    id: system-mail
                    from:
                      uri: direct:system-mail
                      steps:
                        - to: "relay:{{sealpost.relay.uri}}"
                """);
        String marker = UUID.randomUUID().toString();
        try (SmtpSink hop = SmtpSink.plain();
             RunningSealpost sealpost = RunningSealpost.start(temp.resolve("data"), Map.of(
                     "sealpost.relay.uri", hop.uri(), "sealpost.routes-dir", routes.toString()))) {
            sealpost.send("alice@corp.example", List.of("bob@partner.example"),
                    "From: alice@corp.example\r\nSubject: Lunch\r\nMessage-ID: <" + marker + "@corp.example>\r\n\r\nBody " + marker + "\r\n");

            SmtpSink.Received bounce = hop.await(1, r -> r.text().contains("Final-Recipient: rfc822; bob@partner.example")).get(0);
            assertEquals("", bounce.from());
            assertEquals(List.of("alice@corp.example"), bounce.recipients());
            assertTrue(bounce.text().contains("Action: failed\r\nStatus: 5.0.0\r\nDiagnostic-Code: X-Sealpost; not delivered after 4 attempts:"),
                    bounce.text());
            assertTrue(bounce.text().contains("simulated failure"), bounce.text());
            assertTrue(bounce.text().contains("Message-ID: <" + marker + "@corp.example>"));
            assertFalse(bounce.text().contains("Body " + marker));
            List<SpoolEntry.State> states = sealpost.application().database().inTransaction(em -> em.createQuery(
                    "select e.state from SpoolEntry e", SpoolEntry.State.class).getResultList());
            assertEquals(List.of(SpoolEntry.State.FAILED), states, "the entry stays parked for the operator");
        }
    }
}
