package io.sealpost.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recipient who proved their address; the browser holds the session id, the database its hash. */
@Entity
@Table(name = "portal_session")
public class PortalSession {

    @Id
    @Column(name = "id_hash", length = 64)
    private String idHash;

    @Column(length = 512, nullable = false)
    private String recipient;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PortalSession() {
    }

    public PortalSession(String idHash, String recipient, Instant createdAt, Instant expiresAt) {
        this.idHash = idHash;
        this.recipient = recipient;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String idHash() {
        return idHash;
    }

    public String recipient() {
        return recipient;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
