package io.sealpost.testing;

import io.sealpost.SealpostApplication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The real gateway for a test: the repository's routes and config, its own data directory and
 * free ports. Mail goes in over real SMTP; what it relays lands in the outbox (or wherever the
 * test points {@code sealpost.relay.uri}).
 */
public final class RunningSealpost implements AutoCloseable {

    private final SealpostApplication application;
    private final Path dataDir;
    private final int smtpPort;
    private final int portalPort;

    private RunningSealpost(SealpostApplication application, Path dataDir, int smtpPort, int portalPort) {
        this.application = application;
        this.dataDir = dataDir;
        this.smtpPort = smtpPort;
        this.portalPort = portalPort;
    }

    public static RunningSealpost start(Path dataDir, Map<String, String> overrides) {
        int smtpPort = freePort();
        int portalPort = freePort();
        Map<String, String> settings = new HashMap<>();
        settings.put("sealpost.data-dir", dataDir.toString());
        settings.put("sealpost.smtp.port", String.valueOf(smtpPort));
        settings.put("sealpost.smtp.bind-address", "127.0.0.1");
        settings.put("sealpost.portal.port", String.valueOf(portalPort));
        settings.put("sealpost.portal.bind-address", "127.0.0.1");
        settings.put("sealpost.portal.base-url", "http://localhost:" + portalPort);
        settings.put("sealpost.spool.retry-delays", "1s,1s,1s");
        settings.putAll(overrides);
        return new RunningSealpost(SealpostApplication.start(settings), dataDir, smtpPort, portalPort);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SealpostApplication application() {
        return application;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String portalUrl() {
        return "http://localhost:" + portalPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Sends raw RFC 5322 text over SMTP with Jakarta Mail, envelope as given. */
    public void send(String from, List<String> to, String rawMessage) throws Exception {
        send(from, to, rawMessage.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String from, List<String> to, byte[] rawMessage) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        properties.put("mail.smtp.from", from);
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(rawMessage));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, to.stream().map(address -> {
                try {
                    return new jakarta.mail.internet.InternetAddress(address);
                } catch (jakarta.mail.internet.AddressException e) {
                    throw new IllegalArgumentException(e);
                }
            }).toArray(jakarta.mail.Address[]::new));
        }
    }

    public Path outbox() {
        return dataDir.resolve("outbox");
    }

    /** The outbox files so far, oldest first, as text. */
    public List<String> outboxMessages() {
        if (!Files.isDirectory(outbox())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .map(file -> {
                        try {
                            return Files.readString(file, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the outbox holds {@code count} messages matching, and returns them. */
    public List<String> awaitOutbox(int count, Predicate<String> matching) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<String> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = outboxMessages().stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " matching outbox message(s), found " + found.size()
                + " among " + outboxMessages().size());
    }

    @Override
    public void close() {
        application.stop();
    }
}
