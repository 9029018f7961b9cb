package io.sealpost.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The embedded default's next hop: one {@code .eml} file per delivered message, its envelope in
 * {@code X-Envelope-From:} and {@code X-Envelope-To:} lines at the top. Files appear whole
 * (written aside, then moved), so a reader never sees half a message.
 */
final class OutboxRelay implements Relay {

    private final Path directory;

    OutboxRelay(Path directory) {
        this.directory = directory;
    }

    @Override
    public void deliver(byte[] message, String envelopeFrom, List<String> recipients) throws DeliveryException {
        String name = Instant.now().toEpochMilli() + "-" + UUID.randomUUID();
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve("." + name + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(("X-Envelope-From: <" + envelopeFrom + ">\r\n"
                        + "X-Envelope-To: " + String.join(", ", recipients.stream().map(r -> "<" + r + ">").toList()) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(message);
            }
            Files.move(partial, directory.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw DeliveryException.forAll(recipients, "cannot write to the outbox " + directory + ": " + e.getMessage(), false, e);
        }
    }
}
