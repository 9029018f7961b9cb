package io.sealpost.spool;

import io.sealpost.seal.Sealer;
import io.sealpost.store.Database;
import io.sealpost.store.SpoolEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's persistence. Writes go through a group commit: one thread takes every entry
 * waiting at that moment and commits them in one transaction, synced to disk, so concurrent SMTP
 * sessions share the cost of a commit and its fsync while each still waits for its own entry to
 * be durable. Removals of
 * handled entries are batched the same way but not waited for: until its removal commits, a
 * handled entry stays claimed under its lease, so a crash in between means it is delivered again,
 * never that it is lost.
 */
final class SpoolStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolStore.class);
    private static final int MAX_BATCH = 256;
    private static final Duration LEASE = Duration.ofMinutes(10);

    /** What a worker gets: the entry's bookkeeping and the opened message. */
    record Claimed(SpoolEntry entry, byte[] message) {
    }

    private record PendingWrite(SpoolEntry entry, CompletableFuture<Void> committed) {
    }

    private final Database database;
    private final Sealer sealer;
    private final List<Duration> retryDelays;
    private final String instanceId;
    private final BlockingQueue<PendingWrite> writes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> handled = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final Thread remover;
    private volatile boolean running = true;

    SpoolStore(Database database, Sealer sealer, List<Duration> retryDelays, String instanceId) {
        this.database = database;
        this.sealer = sealer;
        this.retryDelays = retryDelays;
        this.instanceId = instanceId;
        this.committer = new Thread(this::commitLoop, "spool-committer");
        this.committer.setDaemon(true);
        this.committer.start();
        this.remover = new Thread(this::removeLoop, "spool-remover");
        this.remover.setDaemon(true);
        this.remover.start();
    }

    /**
     * Seals and durably stores a message; returns its id once committed. {@code attempts},
     * {@code protect}, {@code onBehalfOf} and {@code receivedAt} (null: now) carry over from a
     * deferred delivery, which is due after the retry delay.
     */
    String append(byte[] message, String from, List<String> to, String clientAddress, boolean protect, String onBehalfOf,
                  int attempts, Instant receivedAt) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant due = attempts == 0 ? now : now.plus(retryDelay(attempts));
        SpoolEntry entry = new SpoolEntry(id, receivedAt == null ? now : receivedAt, from, to, clientAddress, message.length,
                sealer.seal(message, "spool:" + id), protect, onBehalfOf, attempts, due);
        CompletableFuture<Void> committed = new CompletableFuture<>();
        writes.add(new PendingWrite(entry, committed));
        committed.join();
        return id;
    }

    private Duration retryDelay(int attempts) {
        return retryDelays.get(Math.min(attempts, retryDelays.size()) - 1);
    }

    int maxAttempts() {
        return SpoolComponent.maxAttempts(retryDelays);
    }

    private void commitLoop() {
        List<PendingWrite> batch = new ArrayList<>(MAX_BATCH);
        while (running || !writes.isEmpty()) {
            try {
                PendingWrite first = writes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                writes.drainTo(batch, MAX_BATCH - 1);
                database.runDurably(entityManager -> batch.forEach(write -> entityManager.persist(write.entry())));
                batch.forEach(write -> write.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Spool commit of {} message(s) failed: {}", batch.size(), e.getMessage());
                batch.forEach(write -> write.committed().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Claims up to {@code limit} due entries (waiting, or claimed by a worker whose lease ran out)
     * for this instance, oldest first, in one transaction; returns the ids it got. The claim is
     * conditional, so an entry another instance claimed meanwhile is skipped; what this batch got
     * is recognised by its lease, which no other claim shares. Both statements are fixed text
     * (no list of ids), so Hibernate translates them once.
     */
    List<String> claimDue(int limit) {
        Instant now = Instant.now();
        // millisecond precision survives every database's timestamp type, so the lease reads back equal
        Instant lease = now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
        return database.inTransaction(entityManager -> {
            int claimed = entityManager.createQuery("update SpoolEntry e set e.state = :claimed, e.claimedBy = :me, e.dueAt = :lease "
                            + "where e.dueAt <= :now and e.state <> :failed and e.id in ("
                            + "select d.id from SpoolEntry d where d.dueAt <= :now and d.state <> :failed order by d.dueAt limit :limit)")
                    .setParameter("claimed", SpoolEntry.State.CLAIMED)
                    .setParameter("me", instanceId)
                    .setParameter("lease", lease)
                    .setParameter("failed", SpoolEntry.State.FAILED)
                    .setParameter("now", now)
                    .setParameter("limit", limit)
                    .executeUpdate();
            if (claimed == 0) {
                return List.of();
            }
            return entityManager.createQuery(
                            "select e.id from SpoolEntry e where e.dueAt = :lease and e.claimedBy = :me order by e.id",
                            String.class)
                    .setParameter("lease", lease)
                    .setParameter("me", instanceId)
                    .getResultList();
        });
    }

    /** A claimed entry with its message opened, for the worker that handles it. */
    Claimed open(String id) {
        SpoolEntry entry = database.inTransaction(entityManager -> entityManager.find(SpoolEntry.class, id));
        return new Claimed(entry, sealer.open(entry.content(), "spool:" + id));
    }

    /** Marks an entry handled: it is removed with the next batch of removals. */
    void complete(String id) {
        handled.add(id);
    }

    private void removeLoop() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (running || !handled.isEmpty()) {
            try {
                String first = handled.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                handled.drainTo(batch, MAX_BATCH - 1);
                database.run(entityManager -> entityManager.createQuery("delete from SpoolEntry e where e.id in :ids")
                        .setParameter("ids", batch).executeUpdate());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Removing {} handled spool entries failed; they will be delivered again after their lease: {}",
                        batch.size(), e.getMessage());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Schedules the next attempt, or parks the entry as failed once the retries are used up;
     * returns whether it was parked.
     */
    boolean failed(String id, String error) {
        return database.inTransaction(entityManager -> {
            SpoolEntry entry = entityManager.find(SpoolEntry.class, id);
            if (entry.attempts() + 1 >= maxAttempts()) {
                entry.fail(error);
                LOG.error("Spool entry {} failed {} times and is parked (state FAILED): {}", id, entry.attempts(), error);
                return true;
            }
            Duration delay = retryDelay(entry.attempts() + 1);
            entry.retryAt(Instant.now().plus(delay), error);
            LOG.warn("Spool entry {} failed, next attempt in {}: {}", id, delay, error);
            return false;
        });
    }

    @Override
    public void close() {
        running = false;
        try {
            committer.join(5000);
            remover.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
