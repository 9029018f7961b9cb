package io.sealpost.spool;

import io.sealpost.delivery.Envelope;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/** Commits the exchange's message and envelope; the exchange gets the spool id back. */
class SpoolProducer extends DefaultProducer {

    SpoolProducer(SpoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SpoolEndpoint getEndpoint() {
        return (SpoolEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        @SuppressWarnings("unchecked")
        List<String> recipients = in.getHeader(Envelope.TO, List.class);
        if (recipients == null || recipients.isEmpty()) {
            throw new IllegalArgumentException("nothing to spool: the exchange has no " + Envelope.TO);
        }
        String id = getEndpoint().store().append(
                in.getMandatoryBody(byte[].class),
                in.getHeader(Envelope.FROM, "", String.class),
                recipients,
                in.getHeader(Envelope.CLIENT_ADDRESS, String.class),
                in.getHeader(Envelope.PROTECTED, false, Boolean.class),
                in.getHeader(Envelope.ON_BEHALF_OF, String.class),
                in.getHeader(Envelope.ATTEMPTS, 0, Integer.class),
                in.getHeader(Envelope.RECEIVED_AT, Instant.class));
        in.setHeader(Envelope.SPOOL_ID, id);
        getEndpoint().getComponent().signalArrival();
    }
}
