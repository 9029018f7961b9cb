package io.sealpost.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sealpost.testing.RunningSealpost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/** The relay keeps its SMTP session to the next hop between messages, and notices when the hop dropped it. */
class SmtpRelaySessionReuseTest {

    private static final byte[] MESSAGE = "Subject: reuse\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    /** A next hop that records, per message, the SMTP session it came in. */
    private static final class SessionRecordingHop implements AutoCloseable {
        final List<String> sessionPerMessage = new CopyOnWriteArrayList<>();
        private final SMTPServer server;

        SessionRecordingHop(int port) {
            server = SMTPServer.port(port).hostName("localhost").messageHandlerFactory(this::handler).build();
            server.start();
        }

        private MessageHandler handler(MessageContext context) {
            return new MessageHandler() {
                @Override
                public void from(String from) {
                }

                @Override
                public void recipient(String recipient) {
                }

                @Override
                public String data(InputStream data) throws IOException {
                    data.transferTo(OutputStream.nullOutputStream());
                    sessionPerMessage.add(context.getSessionId());
                    return null;
                }

                @Override
                public void done() {
                }
            };
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    @Test
    void consecutiveMessagesShareOneSession() throws Exception {
        int port = RunningSealpost.freePort();
        try (SessionRecordingHop hop = new SessionRecordingHop(port);
             SmtpRelay relay = new SmtpRelay("127.0.0.1", port, false, null, "sealpost.test", 10)) {
            for (int i = 0; i < 5; i++) {
                relay.deliver(MESSAGE, "alice@corp.example", List.of("bob@partner.example"));
            }
            assertEquals(5, hop.sessionPerMessage.size());
            assertEquals(1, hop.sessionPerMessage.stream().distinct().count(), hop.sessionPerMessage::toString);
        }
    }

    @Test
    void aSessionTheHopDroppedIsNotReusedAfterIdling() throws Exception {
        int port = RunningSealpost.freePort();
        try (SmtpRelay relay = new SmtpRelay("127.0.0.1", port, false, null, "sealpost.test", 10)) {
            try (SessionRecordingHop firstHop = new SessionRecordingHop(port)) {
                relay.deliver(MESSAGE, "alice@corp.example", List.of("bob@partner.example"));
            }
            try (SessionRecordingHop restartedHop = new SessionRecordingHop(port)) {
                Thread.sleep(1200); // past the idle time after which a kept session is checked with NOOP
                relay.deliver(MESSAGE, "alice@corp.example", List.of("bob@partner.example"));
                assertEquals(1, restartedHop.sessionPerMessage.size());
            }
        }
    }
}
