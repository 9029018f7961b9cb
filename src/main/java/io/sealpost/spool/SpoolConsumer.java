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
    private final Semaphore idleWorkers;
    private ExecutorService workers;
    private Thread poller;
    private volatile boolean polling;

    SpoolConsumer(SpoolEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.idleWorkers = new Semaphore(endpoint.concurrentConsumers());
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
                idleWorkers.acquire();
                idleWorkers.release();
                List<String> due = endpoint.store().due(idleWorkers.availablePermits() * 2);
                for (String id : due) {
                    if (!polling) {
                        return;
                    }
                    idleWorkers.acquire();
                    try {
                        endpoint.store().claim(id).ifPresentOrElse(
                                claimed -> workers.execute(() -> handle(claimed)),
                                idleWorkers::release);
                    } catch (RuntimeException e) {
                        idleWorkers.release();
                        throw e;
                    }
                }
                if (due.isEmpty()) {
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

    private void handle(SpoolStore.Claimed claimed) {
        SpoolEntry entry = claimed.entry();
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(claimed.message());
            exchange.getIn().setHeader(Envelope.SPOOL_ID, entry.id());
            exchange.getIn().setHeader(Envelope.FROM, entry.envelopeFrom());
            exchange.getIn().setHeader(Envelope.TO, entry.envelopeTo());
            exchange.getIn().setHeader(Envelope.CLIENT_ADDRESS, entry.clientAddress());
            exchange.getIn().setHeader(Envelope.ATTEMPTS, entry.attempts());
            exchange.getIn().setHeader(Envelope.PROTECTED, entry.protect());
            getProcessor().process(exchange);
            if (exchange.getException() == null) {
                endpoint.store().complete(entry.id());
            } else {
                endpoint.store().failed(entry.id(), summary(exchange.getException()));
            }
        } catch (Exception e) {
            endpoint.store().failed(entry.id(), summary(e));
        } finally {
            releaseExchange(exchange, false);
            idleWorkers.release();
        }
    }

    private static String summary(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
