package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sealpost.testing.RunningSealpost;
import io.sealpost.testing.SmtpSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries leave the spool once relayed: their removal is batched, not skipped. */
class SpoolRemovalTest {

    @TempDir
    Path temp;

    @Test
    void relayedMessagesLeaveTheSpool() throws Exception {
        try (SmtpSink hop = SmtpSink.plain();
             RunningSealpost sealpost = RunningSealpost.start(temp, Map.of("sealpost.relay.uri", hop.uri()))) {
            for (int i = 0; i < 5; i++) {
                sealpost.send("alice@corp.example", List.of("bob@partner.example"), "Subject: plain " + i + "\r\n\r\nbody\r\n");
            }
            hop.await(5, received -> true);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            long left;
            do {
                Thread.sleep(50);
                left = sealpost.application().database().inTransaction(entityManager -> entityManager
                        .createQuery("select count(e) from SpoolEntry e", Long.class).getSingleResult());
            } while (left > 0 && Instant.now().isBefore(deadline));
            assertEquals(0, left, "spool entries left after relaying");
        }
    }
}
