package io.sealpost.smtp;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

public class SmtpServerEndpoint extends DefaultEndpoint {

    private final SmtpServerOptions options;

    SmtpServerEndpoint(String uri, SmtpServerComponent component, SmtpServerOptions options) {
        super(uri, component);
        this.options = options;
    }

    SmtpServerOptions options() {
        return options;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("smtp-server endpoints only receive mail; use relay: to send");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SmtpServerConsumer consumer = new SmtpServerConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
