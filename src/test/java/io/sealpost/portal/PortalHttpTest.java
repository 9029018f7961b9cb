package io.sealpost.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.store.AuditEvent;
import io.sealpost.testing.PortalMail;
import io.sealpost.testing.RunningSealpost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal over real HTTP against the running gateway, fed over real SMTP. */
class PortalHttpTest {

    private static final String SENDER = "Alice Sender <alice@corp.example>";
    private static final String SECRET_TEXT = "The merger closes on Friday.";
    private static final String HOSTILE_HTML = "<p>" + SECRET_TEXT + "</p>"
            + "<script>alert('script')</script>"
            + "<img src=\"x\" onerror=\"alert('onerror')\">"
            + "<img src=\"https://tracker.example/pixel.gif\">"
            + "<a href=\"https://example.org/terms\" onclick=\"alert('click')\">terms</a>";
    private static final AtomicInteger RECIPIENTS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static RunningSealpost sealpost;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static byte[] attachment;

    @BeforeAll
    static void start() {
        sealpost = RunningSealpost.start(dataDir, Map.of());
        attachment = new byte[3000];
        for (int i = 0; i < attachment.length; i++) {
            attachment[i] = (byte) (i * 31);
        }
    }

    @AfterAll
    static void stop() {
        if (sealpost != null) {
            sealpost.close();
        }
    }

    /** A fresh recipient per test, so the tests' mails and codes never mix. */
    private static String newRecipient() {
        return "jane" + RECIPIENTS.incrementAndGet() + "@example.com";
    }

    private static String sealFor(String recipient) throws Exception {
        byte[] message = PortalMail.secureMessage(SENDER, recipient, "Merger plan", SECRET_TEXT, HOSTILE_HTML,
                "plan.pdf", "application/pdf", attachment);
        return PortalMail.sealAndGetLink(sealpost, "alice@corp.example", recipient, message);
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for a code, reads it from the mail, enters it; returns the session cookie ("name=value"). */
    private static String signIn(String link, String recipient) throws Exception {
        assertEquals(200, post(link + "/code", "").statusCode());
        String code = PortalMail.awaitCode(sealpost, recipient, 1);
        HttpResponse<String> verified = post(link + "/verify", "code=" + code);
        assertEquals(303, verified.statusCode());
        return verified.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private static List<AuditEvent> auditFor(String recipient) {
        return sealpost.application().database().inTransaction(entityManager -> entityManager
                .createQuery("select e from AuditEvent e where e.recipient = :recipient order by e.id", AuditEvent.class)
                .setParameter("recipient", recipient).getResultList());
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertTrue(policy.contains("img-src data: cid:"), policy);
        assertTrue(policy.contains("form-action 'self'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void unknownMalformedAndExpiredLinksAllGetTheSameNotFoundPage() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        HttpResponse<String> unknown = get(sealpost.portalUrl() + "/m/" + "A".repeat(43), null);
        HttpResponse<String> malformed = get(sealpost.portalUrl() + "/m/not*a*token", null);
        sealpost.application().database().run(entityManager -> entityManager
                .createQuery("update RecipientAccess a set a.expiresAt = :past where a.recipient = :recipient")
                .setParameter("past", Instant.now().minusSeconds(1)).setParameter("recipient", recipient).executeUpdate());
        HttpResponse<String> expired = get(link, null);

        for (HttpResponse<String> response : List.of(unknown, malformed, expired)) {
            assertEquals(404, response.statusCode(), response.uri().toString());
            assertTrue(response.body().contains("This link is not valid or has expired"));
            assertSecurityHeaders(response);
        }
        assertEquals(unknown.body(), expired.body());
    }

    @Test
    void theLinkAloneShowsOnlyTheMaskedAddressAndMailsNothing() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);

        HttpResponse<String> page = get(link, null);

        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);
        assertTrue(page.body().contains(recipient.charAt(0) + "***@example.com"), page.body());
        assertTrue(page.body().contains("Send me a code"));
        assertFalse(page.body().contains(recipient));
        assertFalse(page.body().contains("merger"));
        assertFalse(page.body().contains("Merger plan"));
        assertEquals(0, PortalMail.codeMailsTo(sealpost, recipient), "a GET (a link scanner) must not send a code");
        HttpResponse<String> attachmentWithoutSession = get(link + "/attachments/1", null);
        assertEquals(303, attachmentWithoutSession.statusCode(), "without a session an attachment link leads back to the code page");
        assertEquals(URI.create(link).getPath(), attachmentWithoutSession.headers().firstValue("Location").orElse(null));
    }

    @Test
    void rightCodeOpensASessionThatShowsTheSanitizedMessageAndItsAttachment() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        assertEquals(200, post(link + "/code", "").statusCode());
        String code = PortalMail.awaitCode(sealpost, recipient, 1);

        HttpResponse<String> verified = post(link + "/verify", "code=" + code);

        assertEquals(303, verified.statusCode());
        assertEquals(URI.create(link).getPath(), verified.headers().firstValue("Location").orElse(null));
        String setCookie = verified.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http base-url: the cookie must still reach the portal");
        String cookie = setCookie.split(";", 2)[0];

        HttpResponse<String> page = get(link, cookie);
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);
        String html = page.body();
        assertTrue(html.contains(SECRET_TEXT), html);
        assertTrue(html.contains("Merger plan"));
        assertFalse(html.contains("[secure]"), "the keyword is not part of the subject the recipient sees");
        assertTrue(html.contains("Alice Sender"));
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("tracker.example"), "remote images are dropped");
        String rel = html.replaceFirst("(?s).*<a href=\"https://example.org/terms\" rel=\"([^\"]*)\".*", "$1");
        assertEquals(List.of("nofollow", "noopener", "noreferrer"), List.of(rel.split(" ")).stream().sorted().toList());
        assertTrue(html.contains("plan.pdf"));

        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(link + "/attachments/1"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(attachment, download.body());
        assertEquals("attachment; filename*=UTF-8''plan.pdf", download.headers().firstValue("Content-Disposition").orElse(null));
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertSecurityHeaders(download);
        assertEquals(404, get(link + "/attachments/2", cookie).statusCode());
        assertEquals(400, get(link + "/attachments/x", cookie).statusCode());

        List<String> actions = auditFor(recipient).stream().map(AuditEvent::action).toList();
        assertEquals(List.of("code-sent", "code-verified", "link-opened", "message-viewed", "attachment-downloaded"), actions);
        assertTrue(auditFor(recipient).stream().allMatch(event -> "127.0.0.1".equals(event.clientAddress())));
        assertTrue(auditFor(recipient).stream().noneMatch(event -> event.detail() != null && event.detail().contains(code)));
    }

    @Test
    void aPlainTextBodyIsEscapedAndKeepsItsLineBreaks() throws Exception {
        String recipient = newRecipient();
        String raw = "From: Bob <bob@corp.example>\r\nTo: " + recipient + "\r\nSubject: [secure] Plain\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nLine one <b>not bold</b>\r\nLine two & more\r\n";
        sealpost.send("bob@corp.example", List.of(recipient), raw);
        String link = PortalMail.awaitLink(sealpost, recipient);
        String cookie = signIn(link, recipient);

        String html = get(link, cookie).body();

        // Mustache writes line breaks as character references; the browser shows them as breaks (pre-wrap)
        String body = html.replace("&#13;", "\r").replace("&#10;", "\n");
        assertTrue(body.matches("(?s).*class=\"body text\">Line one &lt;b&gt;not bold&lt;/b&gt;\r?\nLine two &amp; more.*"), html);
        assertFalse(html.contains("<b>not bold"));
    }

    @Test
    void aSessionOpensOnlyTheMessagesOfItsOwnRecipient() throws Exception {
        String jane = newRecipient();
        String other = newRecipient();
        String janesLink = sealFor(jane);
        String othersLink = sealFor(other);
        String janesCookie = signIn(janesLink, jane);

        HttpResponse<String> page = get(othersLink, janesCookie);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Send me a code"));
        assertFalse(page.body().contains(SECRET_TEXT));
    }

    @Test
    void wrongCodesCountDownAndTheFifthKillsTheCode() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        post(link + "/code", "");
        String code = PortalMail.awaitCode(sealpost, recipient, 1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int triesLeft = 4; triesLeft >= 1; triesLeft--) {
            HttpResponse<String> response = post(link + "/verify", "code=" + wrong);
            assertEquals(401, response.statusCode());
            assertTrue(response.body().contains(triesLeft + (triesLeft == 1 ? " try left" : " tries left")), response.body());
            assertSecurityHeaders(response);
        }
        HttpResponse<String> fifth = post(link + "/verify", "code=" + wrong);
        assertEquals(429, fifth.statusCode());
        assertTrue(fifth.body().contains("Too many attempts, request a new code."));
        HttpResponse<String> rightButTooLate = post(link + "/verify", "code=" + code);
        assertEquals(429, rightButTooLate.statusCode());
        assertTrue(rightButTooLate.headers().firstValue("Set-Cookie").isEmpty());
        // four wrong codes, the fifth that killed it, and the right one that came too late
        assertEquals(6, auditFor(recipient).stream().filter(event -> event.action().equals("code-failed")).count());
    }

    @Test
    void anExpiredCodeIsRefusedWithA401SayingSo() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        post(link + "/code", "");
        String code = PortalMail.awaitCode(sealpost, recipient, 1);
        sealpost.application().database().run(entityManager -> entityManager
                .createQuery("update OneTimeCode c set c.expiresAt = :past")
                .setParameter("past", Instant.now().minusSeconds(1)).executeUpdate());

        HttpResponse<String> response = post(link + "/verify", "code=" + code);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("This code has expired"));
    }

    @Test
    void aMalformedCodeIsABadRequestAndCostsNoTry() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        post(link + "/code", "");
        String code = PortalMail.awaitCode(sealpost, recipient, 1);

        assertEquals(400, post(link + "/verify", "code=12ab").statusCode());
        assertEquals(400, post(link + "/verify", "").statusCode());
        assertEquals(303, post(link + "/verify", "code=" + code).statusCode());
    }

    @Test
    void codesPerAccessAndHourAreLimited() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, post(link + "/code", "").statusCode());
        }

        HttpResponse<String> sixth = post(link + "/code", "");

        assertEquals(429, sixth.statusCode());
        assertSecurityHeaders(sixth);
        PortalMail.awaitCode(sealpost, recipient, 5);
        assertEquals(5, PortalMail.codeMailsTo(sealpost, recipient));
    }

    @Test
    void aCodeThatCannotBeMailedIsA503AndDoesNotCount() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        Path outbox = sealpost.outbox();
        Path movedAside = outbox.resolveSibling("outbox-aside");
        Files.move(outbox, movedAside);
        // a file where the outbox directory should be: the next hop refuses every mail
        Files.writeString(outbox, "not a directory");
        HttpResponse<String> response;
        try {
            response = post(link + "/code", "");
        } finally {
            Files.delete(outbox);
            Files.move(movedAside, outbox);
        }

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("could not send the code, try again later"), response.body());
        assertSecurityHeaders(response);
        assertEquals(1, auditFor(recipient).stream().filter(event -> event.action().equals("code-not-sent")).count());
        long codesKept = sealpost.application().database().inTransaction(entityManager -> entityManager
                .createQuery("select count(c) from OneTimeCode c, RecipientAccess a where c.recipientAccessId = a.id and a.recipient = :r", Long.class)
                .setParameter("r", recipient).getSingleResult());
        assertEquals(0, codesKept, "a code that was never mailed must not count against the hourly limit");
    }

    @Test
    void pathsAndMethodsOutsideTheUrlMapGetPortalPagesNotJettyDefaults() throws Exception {
        HttpResponse<String> unmapped = get(sealpost.portalUrl() + "/m/a/b/c", null);
        HttpResponse<String> wrongMethod = get(sealpost.portalUrl() + "/m/" + "C".repeat(43) + "/code", null);

        assertEquals(404, unmapped.statusCode());
        assertTrue(unmapped.body().contains("This link is not valid or has expired"));
        assertSecurityHeaders(unmapped);
        assertEquals(405, wrongMethod.statusCode());
        assertSecurityHeaders(wrongMethod);
        assertTrue(unmapped.headers().firstValue("Server").isEmpty(), "the server does not announce its version");
    }

    @Test
    void anUnexpectedFailureIsA500PageWithoutDetails() throws Exception {
        String recipient = newRecipient();
        String link = sealFor(recipient);
        String cookie = signIn(link, recipient);
        sealpost.application().database().run(entityManager -> entityManager
                .createQuery("update SealedMessage m set m.content.ciphertext = :garbage where m.recipients = :recipient")
                .setParameter("garbage", new byte[64]).setParameter("recipient", recipient).executeUpdate());

        HttpResponse<String> response = get(link, cookie);

        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("Something went wrong"));
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("at io.sealpost"), response.body());
        assertSecurityHeaders(response);
    }

    @Test
    void requestHeadersAreNotEchoedAndCannotSteerCamel() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sealpost.portalUrl() + "/m/" + "B".repeat(43)))
                .header("X-Probe", "echo")
                .header("CamelHttpResponseCode", "200")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("X-Probe").isEmpty());
        assertTrue(response.headers().firstValue("token").isEmpty());
    }
}
