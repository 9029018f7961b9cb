package io.sealpost.portal;

import com.github.mustachejava.Mustache;
import io.sealpost.notify.Templates;
import java.util.HashMap;
import java.util.Map;

/**
 * The portal's pages, from {@code config/templates/portal/}: each page template renders the
 * content (every value HTML-escaped) that the layout wraps.
 */
final class PortalPages {

    private final Mustache layout;
    private final Mustache linkInvalid;
    private final Mustache requestCode;
    private final Mustache enterCode;
    private final Mustache message;
    private final Mustache problem;

    PortalPages(Templates templates) {
        this.layout = templates.load("portal/layout.html.mustache");
        this.linkInvalid = templates.load("portal/link-invalid.html.mustache");
        this.requestCode = templates.load("portal/request-code.html.mustache");
        this.enterCode = templates.load("portal/enter-code.html.mustache");
        this.message = templates.load("portal/message.html.mustache");
        this.problem = templates.load("portal/problem.html.mustache");
    }

    /** The same page for every link that leads nowhere, so it tells nothing about why. */
    HttpReply linkInvalid() {
        return page(404, "Link not valid", linkInvalid, Map.of());
    }

    HttpReply requestCode(String maskedAddress, String messagePath) {
        return page(200, "Confirm your address", requestCode, Map.of("address", maskedAddress, "messagePath", messagePath));
    }

    /** The code form; {@code notice} (may be null) says what went wrong with the last try. */
    HttpReply enterCode(int status, String maskedAddress, String messagePath, String notice) {
        Map<String, Object> values = new HashMap<>();
        values.put("address", maskedAddress);
        values.put("messagePath", messagePath);
        values.put("notice", notice);
        return page(status, "Enter your code", enterCode, values);
    }

    HttpReply message(Map<String, Object> values) {
        return page(200, "Secure message", message, values);
    }

    /** A page that explains a failure; with a message path it offers to send a new code. */
    HttpReply problem(int status, String heading, String explanation, String messagePathForNewCode) {
        Map<String, Object> values = new HashMap<>();
        values.put("heading", heading);
        values.put("explanation", explanation);
        values.put("messagePath", messagePathForNewCode);
        return page(status, heading, problem, values);
    }

    private HttpReply page(int status, String title, Mustache content, Map<String, ?> values) {
        // the content is already escaped by its own template, so the layout inserts it as is
        String html = Templates.render(layout, Map.of("title", title, "content", Templates.render(content, values)));
        return HttpReply.html(status, html);
    }
}
