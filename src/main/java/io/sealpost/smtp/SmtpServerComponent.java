package io.sealpost.smtp;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code smtp-server:NAME?port=2525&bindAddress=0.0.0.0&allowedNetworks=127.0.0.0/8&maxMessageSize=25MB&maxRecipients=100}:
 * a consumer-only endpoint over an embedded SMTP server. Each accepted message becomes one
 * exchange; the SMTP reply waits for the route, so {@code 250} means the route completed.
 */
public class SmtpServerComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SmtpServerEndpoint endpoint = new SmtpServerEndpoint(uri, this, new SmtpServerOptions(
                getAndRemoveParameter(parameters, "port", Integer.class, 2525),
                getAndRemoveParameter(parameters, "bindAddress", String.class, "0.0.0.0"),
                AllowedNetworks.parse("allowedNetworks", getAndRemoveParameter(parameters, "allowedNetworks", String.class, "127.0.0.0/8,::1/128")),
                SmtpServerOptions.parseSize(getAndRemoveParameter(parameters, "maxMessageSize", String.class, "25MB")),
                getAndRemoveParameter(parameters, "maxRecipients", Integer.class, 100),
                getAndRemoveParameter(parameters, "hostName", String.class, null)));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
