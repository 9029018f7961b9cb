package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.seal.SealedMessages;
import io.sealpost.store.SealedMessage;
import io.sealpost.testing.RunningSealpost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiryTest {

    @TempDir
    Path temp;

    @Test
    void expiredSealedMessagesLoseTheirKeyAndContent() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of(
                "sealpost.seal.retention", "1s", "sealpost.seal.expiry-check", "1s"))) {
            sealpost.send("alice@corp.example", List.of("bob@partner.example"),
                    "From: alice@corp.example\r\nTo: bob@partner.example\r\nSubject: [secure] Short-lived\r\n\r\nsecret\r\n");
            sealpost.awaitOutbox(1, mail -> mail.contains("X-Envelope-To: <bob@partner.example>"));

            SealedMessage destroyed = null;
            for (int i = 0; i < 100 && destroyed == null; i++) {
                Thread.sleep(100);
                List<SealedMessage> rows = sealpost.application().database().inTransaction(em ->
                        em.createQuery("select m from SealedMessage m", SealedMessage.class).getResultList());
                assertEquals(1, rows.size());
                destroyed = rows.get(0).content().destroyed() ? rows.get(0) : null;
            }
            assertTrue(destroyed != null, "the expiry route destroyed the data key");
            assertNull(destroyed.content().ciphertext());
            SealedMessages messages = sealpost.application().camelContext().getRegistry().findSingleByType(SealedMessages.class);
            assertTrue(messages.message(destroyed.id()).isEmpty(), "an expired message is not offered any more");
        }
    }
}
