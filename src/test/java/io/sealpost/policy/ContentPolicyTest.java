package io.sealpost.policy;

import io.sealpost.testing.Fixtures;
import static io.sealpost.testing.Fixtures.raw;
import static io.sealpost.testing.Fixtures.utf8;
import static io.sealpost.testing.Fixtures.withAttachment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.config.Settings;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentPolicyTest {

    private static final String SSN_TEXT = "Employee SSN 536-22-8124 for payroll";
    private static final Reason SSN_IN_BODY = new Reason(Reason.CONTENT, "ssn", "body", "***-**-8124");

    private final ContentPolicy policy = ContentPolicy.fromSettings(Settings.of(Map.of()));

    private static ContentPolicy policy(String... keysAndValues) {
        Map<String, String> settings = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ContentPolicy.fromSettings(Settings.of(settings));
    }

    @Test
    void cleanMessageIsNotProtected() {
        ContentScan scan = policy.scan(Fixtures.message("Lunch", "Call me at 555-867-5309 about the order 359900690."));
        assertEquals(new ContentScan(List.of(), List.of(), false, false), scan);
    }

    @Test
    void subjectAndBodyAreScannedWithMaskedEvidence() {
        ContentScan scan = policy.scan(Fixtures.message("Card 4111 1111 1111 1111", SSN_TEXT));
        assertEquals(List.of(new Reason(Reason.CONTENT, "pci", "subject", "************1111"), SSN_IN_BODY), scan.reasons());
        assertTrue(scan.protect());
        assertFalse(scan.reject());
    }

    @Test
    void htmlIsReducedToTextWithEntitiesDecodedAndNumbersJoinedAcrossTags() {
        MimeMessage message = raw("Subject: html\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<html><body><p>Employee&nbsp;SSN <b>536</b>&#45;22-<span style=\"x\">81</span>24</p></body></html>\r\n");
        assertEquals(List.of(SSN_IN_BODY), policy.scan(message).reasons());
    }

    @Test
    void numbersSplitByQuotedPrintableSoftLineBreaksAreFound() {
        MimeMessage message = raw("Subject: qp\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nEmployee SSN 536-22-=\r\n8124 for payroll\r\n");
        assertEquals(List.of(SSN_IN_BODY), policy.scan(message).reasons());
    }

    @Test
    void unknownCharsetIsUnscannableAndProtectsByDefault() {
        MimeMessage message = raw("Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\nhello\r\n");
        ContentScan scan = policy.scan(message);
        assertEquals(1, scan.unscannable().size());
        assertEquals("body", scan.unscannable().get(0).location());
        assertTrue(scan.protect());
    }

    @Test
    void unknownTransferEncodingIsUnscannableAndTheRestIsScanned() {
        MimeMessage message = raw("Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\n" + SSN_TEXT + "\r\n"
                + "--b\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
                + "Content-Transfer-Encoding: x-uuencode-2000\r\n\r\nxxxx\r\n--b--\r\n");
        ContentScan scan = policy.scan(message);
        assertEquals(List.of(SSN_IN_BODY), scan.reasons());
        assertEquals("attachment:a.pdf", scan.unscannable().get(0).location());
    }

    static Stream<Arguments> formats() {
        String text = SSN_TEXT;
        return Stream.of(
                Arguments.of("a.pdf", "application/pdf", Fixtures.pdf(text)),
                Arguments.of("a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Fixtures.docx(text)),
                Arguments.of("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Fixtures.xlsx(text)),
                Arguments.of("a.xls", "application/vnd.ms-excel", Fixtures.xls(text)),
                Arguments.of("a.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", Fixtures.pptx(text)),
                Arguments.of("a.ppt", "application/vnd.ms-powerpoint", Fixtures.ppt(text)),
                Arguments.of("a.odt", "application/vnd.oasis.opendocument.text", Fixtures.odt(text)),
                Arguments.of("a.rtf", "application/rtf", Fixtures.rtf(text)),
                Arguments.of("a.csv", "text/csv", utf8("name,ssn\nKenji Quinn,536-22-8124\n")),
                Arguments.of("a.txt", "text/plain", utf8(text)),
                Arguments.of("mislabelled.bin", "application/octet-stream", Fixtures.docx(text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void attachmentsOfEveryFormatAreScanned(String name, String contentType, byte[] content) {
        ContentScan scan = policy.scan(withAttachment(name, contentType, content));
        assertEquals(List.of(new Reason(Reason.CONTENT, "ssn", "attachment:" + name, "***-**-8124")), scan.reasons());
        assertEquals(List.of(), scan.unscannable());
        assertTrue(scan.protect());
    }

    @Test
    void archivesAreScannedInsideWithNestedLocations() {
        byte[] inner = Fixtures.zip("inner.docx", Fixtures.docx(SSN_TEXT), "readme.txt", utf8("nothing here"));
        ContentScan scan = policy.scan(withAttachment("outer.zip", "application/zip", Fixtures.zip("inner.zip", inner)));
        assertEquals(List.of(new Reason(Reason.CONTENT, "ssn", "attachment:outer.zip/inner.zip/inner.docx", "***-**-8124")),
                scan.reasons());
    }

    @Test
    void attachedMessagesAndTheirAttachmentsAreScanned() throws Exception {
        MimeMessage attached = withAttachment("payroll.pdf", "application/pdf", Fixtures.pdf(SSN_TEXT));
        byte[] rfc822 = Fixtures.bytes(attached::writeTo);
        ContentScan scan = policy.scan(withAttachment("fwd.eml", "message/rfc822", rfc822));
        assertEquals(List.of(new Reason(Reason.CONTENT, "ssn", "attachment:fwd.eml/payroll.pdf", "***-**-8124")),
                scan.reasons());
    }

    @Test
    void tnefAttachmentsAreScanned() {
        byte[] winmail = Fixtures.tnef("payroll.txt", utf8(SSN_TEXT));
        ContentScan scan = policy.scan(withAttachment("winmail.dat", "application/ms-tnef", winmail));
        assertEquals(List.of(new Reason(Reason.CONTENT, "ssn", "attachment:winmail.dat/payroll.txt", "***-**-8124")),
                scan.reasons());
        assertEquals(List.of(), scan.unscannable());
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsScanned() {
        ContentScan scan = policy.scan(withAttachment("owner.pdf", "application/pdf", Fixtures.pdf(SSN_TEXT, "")));
        assertEquals(List.of(), scan.unscannable());
        assertTrue(scan.protect());
    }

    static Stream<Arguments> encrypted() {
        return Stream.of(
                Arguments.of("locked.pdf", "application/pdf", Fixtures.pdf(SSN_TEXT, "user-secret")),
                Arguments.of("locked.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Fixtures.encryptedDocx(SSN_TEXT)),
                Arguments.of("locked.zip", "application/zip", Fixtures.encryptedZip("payroll.txt", utf8(SSN_TEXT))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encrypted")
    void passwordProtectedAttachmentsAreUnscannableWithTheConfiguredOutcome(String name, String type, byte[] content) {
        MimeMessage message = withAttachment(name, type, content);
        ContentScan byDefault = policy.scan(message);
        assertEquals(List.of(), byDefault.reasons());
        assertEquals(1, byDefault.unscannable().size(), byDefault.toString());
        assertEquals("attachment:" + name, byDefault.unscannable().get(0).location());
        assertTrue(byDefault.unscannable().get(0).why().contains("encrypted"), byDefault.unscannable().get(0).why());
        assertFalse(byDefault.protect());
        assertFalse(byDefault.reject());

        ContentScan protect = policy("sealpost.policy.unscannable.encrypted", "protect").scan(message);
        assertTrue(protect.protect());
        assertFalse(protect.reject());
        ContentScan reject = policy("sealpost.policy.unscannable.encrypted", "reject").scan(message);
        assertTrue(reject.reject());
    }

    @Test
    void encryptedAttachmentDoesNotStopTheRestFromBeingScanned() throws Exception {
        MimeMessage message = raw("Subject: two\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + part("locked.pdf", Fixtures.pdf("nothing", "pw")) + part("payroll.docx", Fixtures.docx(SSN_TEXT)) + "--b--\r\n");
        ContentScan scan = policy.scan(message);
        assertEquals(List.of(new Reason(Reason.CONTENT, "ssn", "attachment:payroll.docx", "***-**-8124")), scan.reasons());
        assertEquals("attachment:locked.pdf", scan.unscannable().get(0).location());
        assertTrue(scan.protect());
    }

    private static String part(String name, byte[] content) {
        return "--b\r\nContent-Type: application/octet-stream; name=" + name + "\r\nContent-Disposition: attachment; filename="
                + name + "\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }

    @Test
    void corruptAttachmentIsUnscannableAndProtects() {
        ContentScan scan = policy.scan(withAttachment("broken.pdf", "application/pdf", utf8("%PDF-1.7\n1 0 obj <<< garbage")));
        assertEquals("attachment:broken.pdf", scan.unscannable().get(0).location());
        assertTrue(scan.protect());
        assertFalse(policy("sealpost.policy.unscannable.failed", "scan-rest")
                .scan(withAttachment("broken.pdf", "application/pdf", utf8("%PDF-1.7\n1 0 obj <<< garbage"))).protect());
    }

    @Test
    void zipBombFinishesQuicklyAsUnscannable() {
        MimeMessage message = withAttachment("bomb.zip", "application/zip", Fixtures.zipBomb(64));
        ContentScan scan = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> policy.scan(message));
        assertEquals("attachment:bomb.zip", scan.unscannable().get(0).location());
        assertTrue(scan.unscannable().get(0).why().contains("zip bomb"), scan.unscannable().get(0).why());
        assertTrue(scan.protect());
    }

    @Test
    void deeplyNestedArchiveFinishesQuicklyAsUnscannable() {
        MimeMessage message = withAttachment("deep.zip", "application/zip", Fixtures.nestedZip(30, SSN_TEXT));
        ContentScan scan = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> policy.scan(message));
        assertEquals(1, scan.unscannable().size());
        assertTrue(scan.unscannable().get(0).why().contains("nested more than 5"), scan.unscannable().get(0).why());
        assertTrue(scan.protect());
    }

    @Test
    void extractedTextLimitMakesTheAttachmentUnscannable() {
        ContentScan scan = policy("sealpost.policy.limit.extracted-chars", "1K")
                .scan(withAttachment("big.txt", "text/plain", utf8("word ".repeat(10_000))));
        assertTrue(scan.unscannable().get(0).why().contains("characters"), scan.toString());
    }

    @Test
    void parseTimeLimitMakesTheAttachmentUnscannable() {
        ContentScan scan = policy("sealpost.policy.limit.parse-time", "PT0.001S")
                .scan(withAttachment("slow.pdf", "application/pdf", Fixtures.pdf(SSN_TEXT)));
        assertEquals("attachment:slow.pdf", scan.unscannable().get(0).location());
        assertTrue(scan.protect());
    }

    @Test
    void mimeNestingLimit() {
        StringBuilder rfc822 = new StringBuilder("Subject: deep\r\nMIME-Version: 1.0\r\n");
        int levels = 30;
        for (int i = 0; i < levels; i++) {
            rfc822.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
        }
        rfc822.append("Content-Type: text/plain\r\n\r\n").append(SSN_TEXT).append("\r\n");
        for (int i = levels - 1; i >= 0; i--) {
            rfc822.append("--b").append(i).append("--\r\n");
        }
        ContentScan scan = policy("sealpost.policy.limit.mime-depth", "10").scan(raw(rfc822.toString()));
        assertTrue(scan.unscannable().get(0).why().contains("nested more than 10"), scan.toString());
        assertTrue(scan.protect());
    }

    @Test
    void scansConcurrently() throws Exception {
        List<Function<ContentPolicy, ContentScan>> scans = List.of(
                p -> p.scan(withAttachment("a.docx", "application/octet-stream", Fixtures.docx(SSN_TEXT))),
                p -> p.scan(Fixtures.message("x", SSN_TEXT)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ContentScan>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Function<ContentPolicy, ContentScan> scan = scans.get(i % 2);
                results.add(pool.submit(() -> scan.apply(policy)));
            }
            for (Future<ContentScan> result : results) {
                assertEquals(1, result.get().reasons().size());
            }
        } finally {
            pool.shutdown();
        }
    }
}
