package io.sealpost.delivery;

import io.sealpost.config.SettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * Recipient domains that receive protected mail directly over verified TLS instead of through
 * the portal. The list file has one domain a line; {@code .example.com} also covers its
 * subdomains; {@code #} starts a comment.
 */
public final class ForceTlsDomains {

    public static final String FORCETLS_RECIPIENTS = "SealpostForceTlsRecipients";
    public static final String PORTAL_RECIPIENTS = "SealpostPortalRecipients";

    private final Set<String> domains;

    public ForceTlsDomains(Set<String> domains) {
        this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static ForceTlsDomains load(Path file) {
        if (!Files.exists(file)) {
            return new ForceTlsDomains(Set.of());
        }
        try {
            Set<String> domains = Files.readAllLines(file).stream()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet());
            for (String domain : domains) {
                if (!domain.matches("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
                    throw new SettingException(file + ": '" + domain + "' is not a domain name");
                }
            }
            return new ForceTlsDomains(domains);
        } catch (IOException e) {
            throw new SettingException("cannot read the ForceTLS list " + file + ": " + e.getMessage());
        }
    }

    public boolean covers(String recipient) {
        String domain = recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (domains.contains(domain)) {
            return true;
        }
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            if (domains.contains(domain.substring(dot))) {
                return true;
            }
        }
        return false;
    }

    /** Splits the envelope recipients into the two headers the protected-delivery route branches on. */
    public void partition(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<String> recipients = exchange.getIn().getHeader(Envelope.TO, List.class);
        List<String> forceTls = new ArrayList<>();
        List<String> portal = new ArrayList<>();
        for (String recipient : recipients) {
            (covers(recipient) ? forceTls : portal).add(recipient);
        }
        exchange.getIn().setHeader(FORCETLS_RECIPIENTS, forceTls);
        exchange.getIn().setHeader(PORTAL_RECIPIENTS, portal);
    }
}
