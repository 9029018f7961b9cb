package io.sealpost.spool;

import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

public class SpoolEndpoint extends DefaultEndpoint {

    private final SpoolStore store;
    private final int concurrentConsumers;
    private final Duration pollInterval;
    private final String failedUri;

    SpoolEndpoint(String uri, SpoolComponent component, SpoolStore store, int concurrentConsumers, Duration pollInterval,
                  String failedUri) {
        super(uri, component);
        this.store = store;
        this.concurrentConsumers = concurrentConsumers;
        this.pollInterval = pollInterval;
        this.failedUri = failedUri;
    }

    /** Where entries parked FAILED are sent, or null. */
    String failedUri() {
        return failedUri;
    }

    SpoolStore store() {
        return store;
    }

    int concurrentConsumers() {
        return concurrentConsumers;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public SpoolComponent getComponent() {
        return (SpoolComponent) super.getComponent();
    }

    @Override
    public boolean isSingleton() {
        return true;
    }

    @Override
    public Producer createProducer() {
        return new SpoolProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SpoolConsumer consumer = new SpoolConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStop() throws Exception {
        store.close();
        super.doStop();
    }
}
