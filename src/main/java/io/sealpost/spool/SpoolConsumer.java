package io.sealpost.spool;

import io.sealpost.delivery.Envelope;
import io.sealpost.delivery.Refusal;
import io.sealpost.store.SpoolEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds due spool entries to the route, each to one worker. A finished exchange removes its
 * entry; a failed one schedules the entry's next attempt. Nothing is removed before the route
 * has handled it, so a crash only means the entry is claimed again after its lease.
 */
class SpoolConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolConsumer.class);

    private final SpoolEndpoint endpoint;
    /**
     * Entries claimed and not yet handled: twice the workers, so a worker that finishes finds its
     * next entry already claimed, and the poller claims a worker-count batch per transaction.
     */
    private final Semaphore unhandledClaims;
    private ExecutorService workers;
    private Thread poller;
    private ProducerTemplate producer;
    private volatile boolean polling;

    SpoolConsumer(SpoolEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.unhandledClaims = new Semaphore(2 * endpoint.concurrentConsumers());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        workers = endpoint.getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "spool-worker", endpoint.concurrentConsumers());
        producer = endpoint.getCamelContext().createProducerTemplate();
        polling = true;
        poller = new Thread(this::pollLoop, "spool-poller");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    protected void doStop() throws Exception {
        polling = false;
        poller.interrupt();
        poller.join(5000);
        endpoint.getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
        producer.close();
        super.doStop();
    }

    private void pollLoop() {
        while (polling) {
            try {
                unhandledClaims.acquire(endpoint.concurrentConsumers());
                unhandledClaims.release(endpoint.concurrentConsumers());
                List<String> claimed = polling ? endpoint.store().claimDue(unhandledClaims.availablePermits()) : List.of();
                for (String id : claimed) {
                    unhandledClaims.acquire();
                    workers.execute(() -> handle(id));
                }
                if (claimed.isEmpty()) {
                    endpoint.getComponent().awaitArrival(endpoint.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Spool poll failed, retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(endpoint.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(String id) {
        Exchange exchange = createExchange(false);
        SpoolStore.Claimed claimed = null;
        try {
            claimed = endpoint.store().open(id);
            setEnvelope(exchange, claimed);
            getProcessor().process(exchange);
            if (exchange.getException() == null) {
                endpoint.store().complete(id);
            } else {
                failed(claimed, summary(exchange.getException()));
            }
        } catch (Exception e) {
            if (claimed == null) {
                // the entry could not even be opened: retried, and parked without a bounce at the end
                endpoint.store().failed(id, summary(e));
            } else {
                failed(claimed, summary(e));
            }
        } finally {
            releaseExchange(exchange, false);
            unhandledClaims.release();
        }
    }

    private static void setEnvelope(Exchange exchange, SpoolStore.Claimed claimed) {
        SpoolEntry entry = claimed.entry();
        exchange.getIn().setBody(claimed.message());
        exchange.getIn().setHeader(Envelope.SPOOL_ID, entry.id());
        exchange.getIn().setHeader(Envelope.FROM, entry.envelopeFrom());
        exchange.getIn().setHeader(Envelope.TO, entry.envelopeTo());
        exchange.getIn().setHeader(Envelope.CLIENT_ADDRESS, entry.clientAddress());
        exchange.getIn().setHeader(Envelope.ATTEMPTS, entry.attempts());
        exchange.getIn().setHeader(Envelope.PROTECTED, entry.protect());
        exchange.getIn().setHeader(Envelope.ON_BEHALF_OF, entry.onBehalfOf());
        exchange.getIn().setHeader(Envelope.RECEIVED_AT, entry.receivedAt());
    }

    /**
     * Schedules the entry's next attempt; once it is parked FAILED instead, its recipients go to
     * the endpoint's failedUri (the bounce route) with the last error.
     */
    private void failed(SpoolStore.Claimed claimed, String error) {
        if (!endpoint.store().failed(claimed.entry().id(), error) || endpoint.failedUri() == null) {
            return;
        }
        Exchange parked = createExchange(false);
        try {
            setEnvelope(parked, claimed);
            Refusal refusal = new Refusal("not delivered after " + endpoint.store().maxAttempts() + " attempts: " + error, true);
            Map<String, Refusal> bounced = new LinkedHashMap<>();
            claimed.entry().envelopeTo().forEach(recipient -> bounced.put(recipient, refusal));
            parked.getIn().setHeader(Envelope.BOUNCED, bounced);
            producer.send(endpoint.failedUri(), parked);
            if (parked.getException() != null) {
                LOG.error("Spool entry {} is parked FAILED and its bounce failed too: {}", claimed.entry().id(),
                        parked.getException().getMessage());
            }
        } finally {
            releaseExchange(parked, false);
        }
    }

    private static String summary(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
