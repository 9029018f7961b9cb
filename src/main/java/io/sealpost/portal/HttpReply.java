package io.sealpost.portal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** One portal response: status, body and headers, with the security headers every response carries. */
final class HttpReply {

    /** Nothing but inline styles and embedded images; forms post only back to the portal; never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: cid:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpReply(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
    }

    static HttpReply html(int status, String html) {
        return new HttpReply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static HttpReply seeOther(String location) {
        return new HttpReply(303, "text/plain; charset=utf-8", new byte[0]).header("Location", location);
    }

    static HttpReply download(String contentType, byte[] content) {
        return new HttpReply(200, contentType, content);
    }

    HttpReply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Replaces whatever the request left on the exchange, so nothing of it is echoed back. */
    void writeTo(Exchange exchange) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        headers.forEach(message::setHeader);
        message.setBody(body);
    }
}
