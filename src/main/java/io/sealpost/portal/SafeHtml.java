package io.sealpost.portal;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Message HTML made safe to show inside the portal page: formatting, tables and links survive;
 * scripts, event handlers, forms, frames and anything that loads a remote resource do not.
 * Images stay only when embedded ({@code data:} or {@code cid:}); links leave without a referrer.
 */
final class SafeHtml {

    private static final Pattern LINK_TARGET = Pattern.compile("^\\s*(https?:|mailto:).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EMBEDDED_IMAGE = Pattern.compile(
            "^\\s*(cid:|data:image/(png|gif|jpeg|webp);base64,).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowUrlProtocols("http", "https", "mailto", "cid", "data")
                    .allowElements("a")
                    .allowAttributes("href").matching(LINK_TARGET).onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowElements("img")
                    .allowAttributes("src").matching(EMBEDDED_IMAGE).onElements("img")
                    .allowAttributes("alt", "width", "height").onElements("img")
                    .allowElements("hr", "br", "span", "div", "font", "center")
                    .allowAttributes("color").onElements("font")
                    .allowAttributes("align").onElements("p", "div", "td", "th")
                    .toFactory());

    private SafeHtml() {
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
