package io.sealpost.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One access to the portal or one handling of a sealed message: who, what, when, from where. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(length = 64, nullable = false)
    private String action;

    @Column(length = 512)
    private String recipient;

    @Column(name = "sealed_message_id", length = 36)
    private String sealedMessageId;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(length = 1000)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String action, String recipient, String sealedMessageId,
                      String clientAddress, String detail) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.recipient = recipient;
        this.sealedMessageId = sealedMessageId;
        this.clientAddress = clientAddress;
        this.detail = detail;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String action() {
        return action;
    }

    public String recipient() {
        return recipient;
    }

    public String sealedMessageId() {
        return sealedMessageId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String detail() {
        return detail;
    }
}
