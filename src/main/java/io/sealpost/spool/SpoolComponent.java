package io.sealpost.spool;

import io.sealpost.seal.Sealer;
import io.sealpost.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code spool:NAME}: a durable, encrypted queue in the database. Sending to it commits the
 * message (sealed) before returning, batching concurrent senders into one transaction; consuming
 * from it claims each due entry for one worker of one instance, and removes it once the route
 * has handled it, or schedules a retry when the route failed. {@code failedUri} is where an
 * entry goes once it is parked FAILED after its last retry (the bounce route), its recipients in
 * {@code SealpostBounced}.
 */
public class SpoolComponent extends DefaultComponent {

    private final Database database;
    private final Sealer sealer;
    private final List<Duration> retryDelays;
    private final String instanceId;
    private final Object arrivals = new Object();

    /** Attempts an entry gets before it is parked FAILED: the first and one per retry delay. */
    public static int maxAttempts(List<Duration> retryDelays) {
        return retryDelays.size() + 1;
    }

    public SpoolComponent(Database database, Sealer sealer, List<Duration> retryDelays, String instanceId) {
        this.database = database;
        this.sealer = sealer;
        this.retryDelays = retryDelays;
        this.instanceId = instanceId;
    }

    /** Wakes this instance's consumers at once instead of at their next poll. */
    void signalArrival() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    void awaitArrival(Duration atMost) throws InterruptedException {
        synchronized (arrivals) {
            arrivals.wait(Math.max(1, atMost.toMillis()));
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SpoolEndpoint endpoint = new SpoolEndpoint(uri, this, new SpoolStore(database, sealer, retryDelays, instanceId),
                getAndRemoveParameter(parameters, "concurrentConsumers", Integer.class, 4),
                Duration.ofMillis(getAndRemoveParameter(parameters, "pollMillis", Long.class, 1000L)),
                getAndRemoveParameter(parameters, "failedUri", String.class));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
