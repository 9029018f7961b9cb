package io.sealpost.smtp;

import io.sealpost.config.Settings;
import java.util.Map;

/** How the embedded SMTP server listens and what it accepts. */
public record SmtpServerOptions(int port, String bindAddress, AllowedNetworks allowedNetworks,
                                long maxMessageSize, int maxRecipients, String hostName) {

    static long parseSize(String size) {
        return Settings.of(Map.of("maxMessageSize", size)).bytes("maxMessageSize", 0);
    }
}
