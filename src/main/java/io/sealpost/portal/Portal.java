package io.sealpost.portal;

import io.sealpost.config.Settings;
import io.sealpost.notify.Notifier;
import io.sealpost.notify.Templates;
import io.sealpost.seal.SealedMessages;
import io.sealpost.store.Database;
import io.sealpost.store.RecipientAccess;
import io.sealpost.store.SealedMessage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.common.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipient's side of a sealed message, one public method per entry of the URL map in
 * {@code routes/portal.yaml}. A link token alone shows nothing but the masked address; the
 * message opens only with a session, which a mailed one-time code creates.
 */
public final class Portal {

    private static final Logger LOG = LoggerFactory.getLogger(Portal.class);
    static final String SESSION_COOKIE = "sealpost_session";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
    private static final Pattern CODE = Pattern.compile("\\d{" + OneTimeCodes.DIGITS + "}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** A link that leads somewhere: the recipient's access and the message, both unexpired. */
    private record Grant(String token, RecipientAccess access, SealedMessage message) {
    }

    @FunctionalInterface
    private interface Handler {
        HttpReply handle(Exchange exchange) throws Exception;
    }

    private final SealedMessages sealedMessages;
    private final OneTimeCodes codes;
    private final PortalSessions sessions;
    private final Audit audit;
    private final PortalPages pages;
    private final Notifier notifier;
    private final String basePath;
    private final boolean secureCookie;
    private volatile ProducerTemplate mail;

    Portal(SealedMessages sealedMessages, OneTimeCodes codes, PortalSessions sessions, Audit audit,
           PortalPages pages, Notifier notifier, URI baseUrl) {
        this.sealedMessages = sealedMessages;
        this.codes = codes;
        this.sessions = sessions;
        this.audit = audit;
        this.pages = pages;
        this.notifier = notifier;
        this.basePath = baseUrl.getPath() == null ? "" : baseUrl.getPath().replaceFirst("/+$", "");
        this.secureCookie = "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    public static Portal fromSettings(Settings settings, Database database, SealedMessages sealedMessages,
                                      Templates templates, Notifier notifier) {
        return new Portal(sealedMessages,
                new OneTimeCodes(database,
                        settings.duration("sealpost.portal.code-validity", Duration.ofMinutes(10)),
                        settings.integer("sealpost.portal.code-attempts", 5, 1, 20),
                        settings.integer("sealpost.portal.codes-per-hour", 5, 1, 100)),
                new PortalSessions(database, settings.duration("sealpost.portal.session-lifetime", Duration.ofHours(12))),
                new Audit(database),
                new PortalPages(templates),
                notifier,
                URI.create(settings.string("sealpost.portal.base-url", "http://localhost:8080")));
    }

    /** GET /m/{token}: the message with a session, otherwise the offer to mail a code. */
    public void openLink(Exchange exchange) {
        respond(exchange, this::openLinkReply);
    }

    /** POST /m/{token}/code: mails a fresh code and shows the form to enter it. */
    public void sendCode(Exchange exchange) {
        respond(exchange, this::sendCodeReply);
    }

    /** POST /m/{token}/verify: checks the code; the right one opens a session. */
    public void verifyCode(Exchange exchange) {
        respond(exchange, this::verifyCodeReply);
    }

    /** GET /m/{token}/attachments/{n}: one attachment, as a download. */
    public void downloadAttachment(Exchange exchange) {
        respond(exchange, this::downloadAttachmentReply);
    }

    private HttpReply openLinkReply(Exchange exchange) throws Exception {
        Optional<Grant> grant = grant(exchange);
        if (grant.isEmpty()) {
            return pages.linkInvalid();
        }
        RecipientAccess access = grant.get().access();
        audit.record(Audit.LINK_OPENED, access, clientAddress(exchange), null);
        if (!hasSession(exchange, access)) {
            return pages.requestCode(masked(access.recipient()), messagePath(grant.get()));
        }
        HttpReply page = pages.message(messageValues(grant.get()));
        audit.record(Audit.MESSAGE_VIEWED, access, clientAddress(exchange), null);
        return page;
    }

    private HttpReply sendCodeReply(Exchange exchange) throws Exception {
        Optional<Grant> grant = grant(exchange);
        if (grant.isEmpty()) {
            return pages.linkInvalid();
        }
        RecipientAccess access = grant.get().access();
        Optional<OneTimeCodes.Issued> issued = codes.issue(access);
        if (issued.isEmpty()) {
            audit.record(Audit.CODE_REFUSED, access, clientAddress(exchange), "hourly limit reached");
            return pages.problem(429, "Too many codes requested",
                    "Several codes were sent for this message in the last hour. Please use the newest one, or try again later.", null);
        }
        Exchange sent = mail(exchange).send("direct:system-mail",
                mail -> notifier.oneTimeCode(access.recipient(), issued.get().code(), codes.validity().toMinutes(), mail));
        if (sent.isFailed()) {
            codes.withdraw(issued.get());
            // the exception names the next hop, never the code
            LOG.warn("One-time code for access {} could not be sent: {}", access.id(), sent.getException().getMessage());
            audit.record(Audit.CODE_NOT_SENT, access, clientAddress(exchange), null);
            return pages.problem(503, "We could not send the code",
                    "We could not send the code, try again later.", messagePath(grant.get()));
        }
        audit.record(Audit.CODE_SENT, access, clientAddress(exchange), null);
        return pages.enterCode(200, masked(access.recipient()), messagePath(grant.get()), null);
    }

    private HttpReply verifyCodeReply(Exchange exchange) {
        Optional<Grant> grant = grant(exchange);
        if (grant.isEmpty()) {
            return pages.linkInvalid();
        }
        RecipientAccess access = grant.get().access();
        String address = masked(access.recipient());
        String path = messagePath(grant.get());
        String code = exchange.getIn().getHeader("code", "", String.class).replaceAll("\\s", "");
        if (!CODE.matcher(code).matches()) {
            return pages.enterCode(400, address, path, "Enter the " + OneTimeCodes.DIGITS + "-digit code from the mail.");
        }
        OneTimeCodes.Check check = codes.verify(access, code);
        String client = clientAddress(exchange);
        return switch (check.outcome()) {
            case VERIFIED -> {
                String sessionId = sessions.open(access.recipient());
                audit.record(Audit.CODE_VERIFIED, access, client, null);
                yield HttpReply.seeOther(path).header("Set-Cookie", sessionCookie(sessionId));
            }
            case WRONG -> {
                audit.record(Audit.CODE_FAILED, access, client, "wrong code, " + check.triesLeft() + " tries left");
                yield pages.enterCode(401, address, path, "That code is not right. "
                        + (check.triesLeft() == 1 ? "1 try left." : check.triesLeft() + " tries left."));
            }
            case EXHAUSTED -> {
                audit.record(Audit.CODE_FAILED, access, client, "too many attempts");
                yield pages.problem(429, "Too many attempts",
                        "Too many attempts, request a new code.", path);
            }
            case EXPIRED -> {
                audit.record(Audit.CODE_FAILED, access, client, "code expired");
                yield pages.enterCode(401, address, path, "This code has expired. Request a new code below.");
            }
            case NONE_REQUESTED -> {
                audit.record(Audit.CODE_FAILED, access, client, "no code outstanding");
                yield pages.enterCode(401, address, path, "There is no code waiting to be used. Request a new code below.");
            }
        };
    }

    private HttpReply downloadAttachmentReply(Exchange exchange) throws Exception {
        Optional<Grant> grant = grant(exchange);
        if (grant.isEmpty()) {
            return pages.linkInvalid();
        }
        RecipientAccess access = grant.get().access();
        if (!hasSession(exchange, access)) {
            return HttpReply.seeOther(messagePath(grant.get()));
        }
        int number;
        try {
            number = Integer.parseInt(exchange.getIn().getHeader("n", "", String.class));
        } catch (NumberFormatException e) {
            return pages.problem(400, "Bad request", "That is not an attachment number.", null);
        }
        List<OpenedMessage.Attachment> attachments = open(grant.get()).attachments();
        if (number < 1 || number > attachments.size()) {
            return pages.problem(404, "No such attachment", "This message has no attachment with that number.", null);
        }
        OpenedMessage.Attachment attachment = attachments.get(number - 1);
        audit.record(Audit.ATTACHMENT_DOWNLOADED, access, clientAddress(exchange),
                "attachment " + number + ", " + attachment.content().length + " bytes");
        return HttpReply.download(attachment.contentType(), attachment.content())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encodeRfc5987(attachment.name()));
    }

    /** Runs a handler; whatever escapes it becomes the 500 page, never a stack trace in the browser. */
    private void respond(Exchange exchange, Handler handler) {
        HttpReply reply;
        try {
            reply = handler.handle(exchange);
        } catch (Exception e) {
            // the route id, not the path: the path holds the link token, which does not belong in logs
            LOG.error("Portal request in route {} failed", exchange.getFromRouteId(), e);
            reply = pages.problem(500, "Something went wrong",
                    "Something went wrong on our side. Please try again in a moment.", null);
        }
        reply.writeTo(exchange);
    }

    /** The grant behind the token in the path; unknown, malformed and expired all look the same. */
    private Optional<Grant> grant(Exchange exchange) {
        String token = exchange.getIn().getHeader("token", "", String.class);
        Optional<Grant> grant = TOKEN.matcher(token).matches()
                ? sealedMessages.accessFor(token).flatMap(access -> sealedMessages.message(access.sealedMessageId())
                        .map(message -> new Grant(token, access, message)))
                : Optional.empty();
        if (grant.isEmpty()) {
            audit.record(Audit.LINK_INVALID, null, clientAddress(exchange), null);
        }
        return grant;
    }

    private boolean hasSession(Exchange exchange, RecipientAccess access) {
        HttpServletRequest request = request(exchange);
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName()) && sessions.isValidFor(cookie.getValue(), access.recipient())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lax, not Strict: recipients arrive by clicking the link in a webmail on another site, and a
     * Strict cookie would not travel with that click, so they would be asked for a code every
     * time. Lax still keeps the cookie off cross-site POSTs, the requests that change anything.
     */
    private String sessionCookie(String sessionId) {
        return SESSION_COOKIE + "=" + sessionId + "; Path=/; Max-Age=" + sessions.lifetime().toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secureCookie ? "; Secure" : "");
    }

    private Map<String, Object> messageValues(Grant grant) throws Exception {
        OpenedMessage opened = open(grant);
        String path = messagePath(grant);
        Map<String, Object> values = new HashMap<>();
        values.put("sender", Optional.ofNullable(opened.sender()).orElse(grant.message().sender()));
        Date sent = opened.sentDate();
        values.put("date", DATE.format(sent != null ? sent.toInstant() : grant.message().createdAt()));
        values.put("subject", Optional.ofNullable(opened.subject()).filter(s -> !s.isBlank()).orElse("(no subject)"));
        values.put("recipient", grant.access().recipient());
        if (opened.hasHtmlBody()) {
            values.put("htmlBody", SafeHtml.sanitize(opened.bodyText()));
        } else {
            values.put("textBody", opened.bodyText());
        }
        values.put("expires", DATE.format(grant.access().expiresAt()));
        values.put("hasAttachments", !opened.attachments().isEmpty());
        values.put("attachments", opened.attachments().stream().map(attachment -> Map.of(
                "name", attachment.name(),
                "size", humanSize(attachment.content().length),
                "href", path + "/attachments/" + attachment.number())).toList());
        return values;
    }

    private OpenedMessage open(Grant grant) throws Exception {
        return OpenedMessage.parse(sealedMessages.open(grant.message()));
    }

    private String messagePath(Grant grant) {
        return basePath + "/m/" + grant.token();
    }

    private ProducerTemplate mail(Exchange exchange) {
        if (mail == null) {
            synchronized (this) {
                if (mail == null) {
                    mail = exchange.getContext().createProducerTemplate();
                }
            }
        }
        return mail;
    }

    private static HttpServletRequest request(Exchange exchange) {
        return exchange.getIn() instanceof HttpMessage http ? http.getRequest() : null;
    }

    private static String clientAddress(Exchange exchange) {
        HttpServletRequest request = request(exchange);
        return request == null ? null : request.getRemoteAddr();
    }

    /** "jane@example.com" as "j***@example.com": enough to recognise, not enough to harvest. */
    static String masked(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** RFC 5987 ext-value: every byte outside attr-char percent-encoded. */
    static String encodeRfc5987(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
