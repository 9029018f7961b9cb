package io.sealpost.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.config.Settings;
import io.sealpost.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments as real senders produce them, beyond what the generated fixtures cover. */
class AttachmentEdgeCasesTest {

    private final ContentPolicy policy = ContentPolicy.fromSettings(Settings.of(Map.of()));

    @TempDir
    Path temp;

    @Test
    void aZipEncryptedByInfoZipIsReportedEncrypted() throws Exception {
        Path text = Files.writeString(temp.resolve("payroll.txt"), "Employee SSN 536-22-8741\n");
        Process zip = new ProcessBuilder("zip", "-q", "-P", "secret", "locked.zip", text.getFileName().toString())
                .directory(temp.toFile()).start();
        assertTrue(zip.waitFor(30, TimeUnit.SECONDS) && zip.exitValue() == 0, "Info-ZIP's zip is needed (apt-get install zip)");

        ContentScan scan = policy.scan(Fixtures.withAttachment("locked.zip", "application/zip",
                Files.readAllBytes(temp.resolve("locked.zip"))));
        assertEquals("encrypted (password-protected)", scan.unscannable().get(0).why());
        assertFalse(scan.protect(), "scan-rest is the default for encrypted attachments");
    }

    @Test
    void aPdfWithoutTextIsUnscannableAndProtectedByDefault() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(pdf);
        }
        ContentScan scan = policy.scan(Fixtures.withAttachment("scan.pdf", "application/pdf", pdf.toByteArray()));
        assertTrue(scan.unscannable().get(0).why().contains("without text"), scan.toString());
        assertTrue(scan.protect());
    }

    @Test
    void aTruncatedPdfCannotBeParsedAndSaysWhy() {
        byte[] whole = Fixtures.pdf("Employee SSN 536-22-8741");
        ContentScan scan = policy.scan(Fixtures.withAttachment("cut.pdf", "application/pdf",
                Arrays.copyOf(whole, whole.length / 2)));
        String why = scan.unscannable().isEmpty() ? "" : scan.unscannable().get(0).why();
        assertFalse(why.contains("NullPointerException"), why);
        assertTrue(scan.protect(), "a part that cannot be read fails closed by default: " + scan);
        assertTrue(new String(whole, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }
}
