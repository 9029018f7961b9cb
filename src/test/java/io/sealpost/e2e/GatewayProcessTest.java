package io.sealpost.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.testing.Fixtures;
import io.sealpost.testing.RunningSealpost;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway as an operator starts it: its own JVM, from the repository root, set up by environment variables. */
class GatewayProcessTest {

    @TempDir
    Path temp;

    private ProcessBuilder gateway(Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temp.resolve("no-such-directory"),
                "-cp", System.getProperty("java.class.path"), "io.sealpost.Sealpost");
        builder.environment().put("SEALPOST_DATA_DIR", temp.resolve("data").toString());
        builder.environment().putAll(environment);
        return builder;
    }

    @Test
    void attachmentsAreExtractedInTheScanDirectoryNeverInTheDefaultTemporaryDirectory() throws Exception {
        Path scanDir = Files.createDirectory(temp.resolve("scan"));
        int smtpPort = RunningSealpost.freePort();
        Process process = gateway(Map.of(
                "SEALPOST_SCAN_TEMP_DIR", scanDir.toString(),
                "SEALPOST_SMTP_PORT", String.valueOf(smtpPort),
                "SEALPOST_SMTP_BIND_ADDRESS", "127.0.0.1",
                "SEALPOST_PORTAL_PORT", String.valueOf(RunningSealpost.freePort()),
                // only a successful extraction can protect this message
                "SEALPOST_POLICY_UNSCANNABLE_FAILED", "scan-rest"))
                .redirectErrorStream(true).redirectOutput(temp.resolve("gateway.log").toFile()).start();
        try {
            awaitListening(smtpPort, process);
            MimeMessage message = Fixtures.withAttachment("record.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    Fixtures.docx("Employee SSN 524-71-6789 for payroll."));
            message.setFrom("alice@corp.example");
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(smtpPort));
            try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, new InternetAddress[] {new InternetAddress("bob@partner.example")});
            }

            Path outbox = temp.resolve("data/outbox");
            String notification = awaitFile(outbox, process);
            assertTrue(notification.contains("X-Envelope-To: <bob@partner.example>") && notification.contains("/m/"),
                    "sealed because the SSN was found in the DOCX: " + notification);
            assertFalse(Files.readString(temp.resolve("gateway.log")).contains("524-71-6789"), "nothing unmasked in the log");
        } finally {
            List<ProcessHandle> jvms = new ArrayList<>(process.descendants().toList());
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the gateway stops on SIGTERM");
            jvms.forEach(jvm -> assertTrue(jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join() != null));
        }
        try (Stream<Path> left = Files.list(scanDir)) {
            assertEquals(List.of(), left.toList(), "the extraction directory is removed on exit");
        }
    }

    @Test
    void aBadSettingStopsStartUpWithOneLineNamingIt() throws Exception {
        Process process = gateway(Map.of("SEALPOST_SMTP_PORT", "abc", "SEALPOST_SCAN_TEMP_DIR", temp.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("sealpost: configuration error: sealpost.smtp.port = 'abc' is not a whole number"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    private static void awaitListening(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the gateway did not start listening on " + port);
    }

    private static String awaitFile(Path directory, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    List<Path> mails = files.filter(f -> f.toString().endsWith(".eml")).toList();
                    if (!mails.isEmpty()) {
                        return Files.readString(mails.get(0));
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing reached the outbox " + directory);
    }
}
