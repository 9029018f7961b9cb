package io.sealpost.delivery;

import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

public class RelayEndpoint extends DefaultEndpoint {

    private final Relay relay;

    RelayEndpoint(String uri, RelayComponent component, Relay relay) {
        super(uri, component);
        this.relay = relay;
    }

    @Override
    public Producer createProducer() {
        return new DefaultProducer(this) {
            @Override
            public void process(Exchange exchange) throws Exception {
                @SuppressWarnings("unchecked")
                List<String> recipients = exchange.getIn().getHeader(Envelope.TO, List.class);
                if (recipients == null || recipients.isEmpty()) {
                    throw new IllegalArgumentException("no recipients in " + Envelope.TO + " to relay to");
                }
                relay.deliver(exchange.getIn().getMandatoryBody(byte[].class),
                        exchange.getIn().getHeader(Envelope.FROM, "", String.class), recipients);
            }
        };
    }

    @Override
    protected void doStop() throws Exception {
        relay.close();
        super.doStop();
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("relay endpoints only send mail");
    }
}
