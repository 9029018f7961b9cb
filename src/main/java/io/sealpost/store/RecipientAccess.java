package io.sealpost.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recipient's right to one sealed message, reached through the link in their notification.
 * Only the SHA-256 of the link token is kept, so a database reader cannot open messages.
 */
@Entity
@Table(name = "recipient_access", indexes = @Index(name = "access_token", columnList = "token_hash", unique = true))
public class RecipientAccess {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "sealed_message_id", length = 36, nullable = false)
    private String sealedMessageId;

    @Column(length = 512, nullable = false)
    private String recipient;

    @Column(name = "token_hash", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RecipientAccess() {
    }

    public RecipientAccess(String id, String sealedMessageId, String recipient, String tokenHash,
                           Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.sealedMessageId = sealedMessageId;
        this.recipient = recipient;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String sealedMessageId() {
        return sealedMessageId;
    }

    public String recipient() {
        return recipient;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
