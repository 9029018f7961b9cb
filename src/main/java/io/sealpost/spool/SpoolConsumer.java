package io.sealpost.spool;

import io.sealpost.delivery.Envelope;
import io.sealpost.store.SpoolEntry;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
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
        try {
            SpoolStore.Claimed claimed = endpoint.store().open(id);
            SpoolEntry entry = claimed.entry();
            exchange.getIn().setBody(claimed.message());
            exchange.getIn().setHeader(Envelope.SPOOL_ID, entry.id());
            exchange.getIn().setHeader(Envelope.FROM, entry.envelopeFrom());
            exchange.getIn().setHeader(Envelope.TO, entry.envelopeTo());
            exchange.getIn().setHeader(Envelope.CLIENT_ADDRESS, entry.clientAddress());
            exchange.getIn().setHeader(Envelope.ATTEMPTS, entry.attempts());
            exchange.getIn().setHeader(Envelope.PROTECTED, entry.protect());
            getProcessor().process(exchange);
            if (exchange.getException() == null) {
                endpoint.store().complete(id);
            } else {
                endpoint.store().failed(id, summary(exchange.getException()));
            }
        } catch (Exception e) {
            endpoint.store().failed(id, summary(e));
        } finally {
            releaseExchange(exchange, false);
            unhandledClaims.release();
        }
    }

    private static String summary(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
