package io.sealpost.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The code mailed to a recipient to prove they own the address; kept only as a hash. */
@Entity
@Table(name = "one_time_code", indexes = @Index(name = "code_access", columnList = "recipient_access_id, created_at"))
public class OneTimeCode {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "recipient_access_id", length = 36, nullable = false)
    private String recipientAccessId;

    @Column(name = "code_hash", length = 64, nullable = false)
    private String codeHash;

    /** When it was issued: codes per access and hour are limited, and only the newest one counts. */
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(nullable = false)
    private boolean used;

    protected OneTimeCode() {
    }

    public OneTimeCode(String id, String recipientAccessId, String codeHash, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.recipientAccessId = recipientAccessId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String recipientAccessId() {
        return recipientAccessId;
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public boolean used() {
        return used;
    }

    public void recordFailure() {
        failedAttempts++;
    }

    public void markUsed() {
        used = true;
    }
}
