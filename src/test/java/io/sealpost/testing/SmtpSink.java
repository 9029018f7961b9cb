package io.sealpost.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server as Sealpost's next hop: plain, or offering STARTTLS with a test certificate
 * and refusing mail until TLS is up (so anything it holds arrived encrypted).
 */
public final class SmtpSink implements AutoCloseable {

    /** One message as the next hop received it. */
    public record Received(String from, List<String> recipients, byte[] raw) {
        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private record Refusal(int code, String text, AtomicInteger timesLeft) {
    }

    private final SMTPServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final List<String> recipientsOffered = new CopyOnWriteArrayList<>();

    private SmtpSink(SMTPServer.Builder builder) {
        this.server = builder.messageHandlerFactory(context -> new Collector()).build();
        this.server.start();
    }

    public static SmtpSink plain() {
        return new SmtpSink(SMTPServer.port(0).hostName("localhost"));
    }

    /** Offers STARTTLS and answers 530 to MAIL until the client has started it. */
    public static SmtpSink requiringTls(SSLContext serverContext) {
        return new SmtpSink(SMTPServer.port(0).hostName("localhost").requireTLS().startTlsSocketFactory(serverContext));
    }

    public int port() {
        return server.getPortAllocated();
    }

    public String uri() {
        return "smtp://localhost:" + port();
    }

    /**
     * Answers {@code RCPT TO:<recipient>} with {@code code text} (e.g. 550 "5.1.1 No such user")
     * the next {@code times} times it is offered, then accepts it again.
     */
    public void refuse(String recipient, int code, String text, int times) {
        refusals.put(recipient, new Refusal(code, text, new AtomicInteger(times)));
    }

    /** How many times {@code RCPT TO} named this recipient, accepted or not. */
    public long timesOffered(String recipient) {
        return recipientsOffered.stream().filter(recipient::equals).count();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> await(int count, Predicate<Received> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Received> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = received.stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " matching message(s) at the sink, found " + found.size()
                + " among " + received.size());
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Collector implements MessageHandler {
        private String from;
        private final List<String> recipients = new ArrayList<>();

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            recipientsOffered.add(recipient);
            Refusal refusal = refusals.get(recipient);
            if (refusal != null && refusal.timesLeft().getAndDecrement() > 0) {
                throw new RejectException(refusal.code(), refusal.text());
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            data.transferTo(raw);
            received.add(new Received(from, List.copyOf(recipients), raw.toByteArray()));
            return null;
        }

        @Override
        public void done() {
        }
    }
}
