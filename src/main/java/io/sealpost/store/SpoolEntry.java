package io.sealpost.store;

import io.sealpost.seal.SealedBlob;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A message accepted over SMTP and not yet fully handled: its envelope in clear (needed to
 * route and to bounce) and the raw message sealed like any protected content. An entry is
 * claimed by one worker at a time and removed when every recipient has been dealt with.
 */
@Entity
// the claim query walks due_at in order and stops after a batch; (state, due_at) made it scan and sort the whole spool
@Table(name = "spool_entry", indexes = @Index(name = "spool_due_at", columnList = "due_at"))
public class SpoolEntry {

    public enum State { WAITING, CLAIMED, FAILED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "envelope_from", length = 512, nullable = false)
    private String envelopeFrom;

    /** Recipients, one per line. */
    @Column(name = "envelope_to", length = 65535, nullable = false)
    private String envelopeTo;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Embedded
    private SealedBlob content;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "claimed_by", length = 128)
    private String claimedBy;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    /** Already decided protected (a deferred delivery): a retry must never fall back to plain relay. */
    @Column(name = "protect", nullable = false)
    private boolean protect;

    /** Mail Sealpost wrote for this sender (a notification): they hear if it fails. */
    @Column(name = "on_behalf_of", length = 512)
    private String onBehalfOf;

    protected SpoolEntry() {
    }

    public SpoolEntry(String id, Instant receivedAt, String envelopeFrom, List<String> envelopeTo,
                      String clientAddress, long size, SealedBlob content, boolean protect, String onBehalfOf,
                      int attempts, Instant dueAt) {
        this.id = id;
        this.receivedAt = receivedAt;
        this.envelopeFrom = envelopeFrom;
        this.envelopeTo = String.join("\n", envelopeTo);
        this.clientAddress = clientAddress;
        this.size = size;
        this.content = content;
        this.state = State.WAITING;
        this.protect = protect;
        this.onBehalfOf = onBehalfOf;
        this.attempts = attempts;
        this.dueAt = dueAt;
    }

    public String id() {
        return id;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String envelopeFrom() {
        return envelopeFrom;
    }

    public List<String> envelopeTo() {
        return Arrays.asList(envelopeTo.split("\n"));
    }

    public String clientAddress() {
        return clientAddress;
    }

    public long size() {
        return size;
    }

    public SealedBlob content() {
        return content;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public boolean protect() {
        return protect;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }

    public String lastError() {
        return lastError;
    }

    public void claim(String worker, Instant leaseUntil) {
        state = State.CLAIMED;
        claimedBy = worker;
        dueAt = leaseUntil;
    }

    public void retryAt(Instant when, String error) {
        state = State.WAITING;
        claimedBy = null;
        attempts++;
        dueAt = when;
        lastError = error;
    }

    public void fail(String error) {
        state = State.FAILED;
        claimedBy = null;
        attempts++;
        lastError = error;
    }
}
