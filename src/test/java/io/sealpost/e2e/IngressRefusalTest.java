package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.testing.Fixtures;
import io.sealpost.testing.RunningSealpost;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SMTP ingress refuses, and with which reply, spoken as a plain SMTP client would. */
class IngressRefusalTest {

    @TempDir
    Path temp;

    /** A minimal SMTP conversation: each call sends a line and returns the server's complete reply. */
    private static final class Conversation implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;

        Conversation(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
            reply();
        }

        String send(String line) throws Exception {
            out.write(line + "\r\n");
            out.flush();
            return reply();
        }

        /** Writes bytes as they are, without waiting for a reply. */
        void write(String raw) throws Exception {
            out.write(raw);
            out.flush();
        }

        String reply() throws Exception {
            String line;
            StringBuilder reply = new StringBuilder();
            do {
                line = in.readLine();
                reply.append(line).append('\n');
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return reply.toString().trim();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void oversizedMessageIsRefusedWith552AndTheSessionGoesOn() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of("sealpost.smtp.max-message-size", "64KB"));
             Conversation smtp = new Conversation(sealpost.smtpPort())) {
            assertTrue(smtp.send("EHLO client.example").contains("SIZE 65536"), "the limit is announced");
            assertTrue(smtp.send("MAIL FROM:<alice@corp.example> SIZE=100000").startsWith("552"), "declared size refused up front");
            assertTrue(smtp.send("MAIL FROM:<alice@corp.example>").startsWith("250"));
            assertTrue(smtp.send("RCPT TO:<bob@partner.example>").startsWith("250"));
            assertTrue(smtp.send("DATA").startsWith("354"));
            String line = "x".repeat(998) + "\r\n";
            String reply = smtp.send("Subject: big\r\n\r\n" + line.repeat(100) + ".");
            assertTrue(reply.startsWith("552 5.3.4"), reply);
            assertTrue(smtp.send("NOOP").startsWith("250"), "the session is still in step");
            assertEquals(List.of(), sealpost.outboxMessages());
        }
    }

    @Test
    void clientOutsideTheAllowedNetworksCannotRelay() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of("sealpost.smtp.allowed-networks", "192.0.2.0/24"));
             Conversation smtp = new Conversation(sealpost.smtpPort())) {
            smtp.send("EHLO client.example");
            assertTrue(smtp.send("MAIL FROM:<alice@corp.example>").startsWith("250"));
            String reply = smtp.send("RCPT TO:<bob@partner.example>");
            assertTrue(reply.startsWith("554 5.7.1") && reply.contains("Relay access denied"), reply);
            assertTrue(smtp.send("DATA").startsWith("503"), "no recipients, no data");
        }
    }

    @Test
    void malformedAddressesAreRefusedWithTheirCodes() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of());
             Conversation smtp = new Conversation(sealpost.smtpPort())) {
            smtp.send("EHLO client.example");
            assertTrue(smtp.send("MAIL FROM:<not an address>").startsWith("553"));
            assertTrue(smtp.send("MAIL FROM:<>").startsWith("250"), "the null sender is allowed");
            assertTrue(smtp.send("RCPT TO:<bob@@partner>").startsWith("553"));
        }
    }

    @Test
    void aMessageTheSpoolCannotCommitIsAnswered451() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of());
             Conversation smtp = new Conversation(sealpost.smtpPort())) {
            sealpost.application().database().run(em -> em.createNativeQuery("DROP TABLE spool_entry").executeUpdate());
            smtp.send("EHLO client.example");
            smtp.send("MAIL FROM:<alice@corp.example>");
            smtp.send("RCPT TO:<bob@partner.example>");
            smtp.send("DATA");
            String reply = smtp.send("Subject: hello\r\n\r\nbody\r\n.");
            assertTrue(reply.startsWith("451 4.3.0"), reply);
        }
    }

    @Test
    void anUnscannableAttachmentIsRefused550WhenPolicySaysReject() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of("sealpost.policy.unscannable.encrypted", "reject"))) {
            MimeMessage message = Fixtures.withAttachment("locked.zip", "application/zip",
                    Fixtures.encryptedZip("inside.txt", "quarterly figures".getBytes(StandardCharsets.UTF_8)));
            message.setFrom("alice@corp.example");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            MessagingException refused = assertThrows(MessagingException.class,
                    () -> sealpost.send("alice@corp.example", List.of("bob@partner.example"), raw.toByteArray()));
            String reply = String.valueOf(refused.getNextException() != null ? refused.getNextException().getMessage() : refused.getMessage());
            assertTrue(reply.contains("550") && reply.contains("locked.zip") && reply.contains("cannot be scanned"), reply);
            Thread.sleep(500);
            assertEquals(List.of(), sealpost.outboxMessages(), "nothing was accepted, so nothing is delivered");
        }
    }

    @Test
    void chunkedMessagesAreDeliveredWholeAndATruncatedLastChunkNever() throws Exception {
        try (RunningSealpost sealpost = RunningSealpost.start(temp, Map.of())) {
            String first = "From: alice@corp.example\r\nSubject: chunked\r\n\r\n";
            String second = "whole body\r\n";
            try (Conversation smtp = new Conversation(sealpost.smtpPort())) {
                assertTrue(smtp.send("EHLO client.example").contains("CHUNKING"));
                smtp.send("MAIL FROM:<alice@corp.example>");
                smtp.send("RCPT TO:<bob@partner.example>");
                smtp.write("BDAT " + first.length() + "\r\n" + first);
                assertTrue(smtp.reply().startsWith("250"));
                smtp.write("BDAT " + second.length() + " LAST\r\n" + second);
                assertTrue(smtp.reply().startsWith("250"));
            }
            String delivered = sealpost.awaitOutbox(1, mail -> mail.contains("Subject: chunked")).get(0);
            assertTrue(delivered.contains("Received: ") && delivered.endsWith(first + second), delivered);

            try (Conversation smtp = new Conversation(sealpost.smtpPort())) {
                smtp.send("EHLO client.example");
                smtp.send("MAIL FROM:<alice@corp.example>");
                smtp.send("RCPT TO:<bob@partner.example>");
                smtp.write("BDAT 5000 LAST\r\nFrom: alice@corp.example\r\nSubject: cut short\r\n\r\nonly part of it");
            }
            Thread.sleep(1500);
            assertFalse(sealpost.outboxMessages().stream().anyMatch(mail -> mail.contains("cut short")), "a cut-off message is not delivered");
        }
    }
}
