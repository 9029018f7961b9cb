package io.sealpost.portal;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Which exchange headers cross the portal's HTTP boundary. Camel's default for Jetty copies every
 * header of the request back into the response (path parameters, form fields, cookies) and drops
 * Cache-Control; the portal answers with exactly the headers it means to send. Headers a client
 * sends that would steer Camel itself ({@code Camel...}) never get in.
 */
public final class PortalHeaders implements HeaderFilterStrategy {

    private static final Set<String> RESPONSE_HEADERS = Set.of(
            "content-security-policy", "referrer-policy", "cache-control", "x-content-type-options",
            "x-frame-options", "set-cookie", "location", "content-disposition");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.startsWith("camel") || name.startsWith("org.apache.camel");
    }
}
