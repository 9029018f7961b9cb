package io.sealpost.delivery;

import io.sealpost.config.SettingException;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code relay:TARGET[?requireTls=true]} sends the exchange's message to its envelope recipients.
 * TARGET is {@code outbox} (files under the data directory), {@code file:DIR}, or
 * {@code smtp://host:port}. With {@code requireTls} the SMTP hop must offer STARTTLS and present a
 * certificate that verifies against the trust store and matches the host name; there is no
 * cleartext fallback.
 */
public class RelayComponent extends DefaultComponent {

    private final Path defaultOutbox;
    private final SSLContext tlsContext;
    private final String heloName;

    public RelayComponent(Path defaultOutbox, SSLContext tlsContext, String heloName) {
        this.defaultOutbox = defaultOutbox;
        this.tlsContext = tlsContext;
        this.heloName = heloName;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        boolean requireTls = getAndRemoveParameter(parameters, "requireTls", Boolean.class, false);
        int timeoutSeconds = getAndRemoveParameter(parameters, "timeoutSeconds", Integer.class, 60);
        Relay relay = relayFor(remaining.replaceFirst("^smtp:/*", "smtp://"), requireTls, timeoutSeconds);
        RelayEndpoint endpoint = new RelayEndpoint(uri, this, relay);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** Whether a relay target is one this component understands (the port is checked when it is used). */
    public static boolean isTarget(String target) {
        return target.equals("outbox") || target.startsWith("file:") || target.matches("smtp://[^/:]+(:\\d{1,5})?/?");
    }

    private Relay relayFor(String target, boolean requireTls, int timeoutSeconds) {
        if (requireTls && !target.startsWith("smtp://")) {
            return (message, from, recipients) -> {
                throw DeliveryException.forAll(recipients, "the ForceTLS next hop '" + target + "' is not an SMTP server, so it cannot"
                        + " carry mail over TLS (set sealpost.forcetls.uri to smtp://host:port)", true, null);
            };
        }
        if (target.equals("outbox")) {
            return new OutboxRelay(defaultOutbox);
        }
        if (target.startsWith("file:")) {
            return new OutboxRelay(Path.of(target.substring("file:".length())));
        }
        if (target.startsWith("smtp://")) {
            String hostPort = target.substring("smtp://".length()).replaceFirst("/.*$", "");
            int colon = hostPort.lastIndexOf(':');
            try {
                String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
                int port = colon < 0 ? 25 : Integer.parseInt(hostPort.substring(colon + 1));
                if (host.isEmpty()) {
                    throw new NumberFormatException();
                }
                return new SmtpRelay(host, port, requireTls, tlsContext, heloName, timeoutSeconds);
            } catch (NumberFormatException e) {
                throw new SettingException("relay target '" + target + "' is not smtp://host:port");
            }
        }
        throw new SettingException("relay target '" + target + "' is not one of: outbox, file:DIRECTORY, smtp://host:port");
    }
}
