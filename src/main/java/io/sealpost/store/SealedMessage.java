package io.sealpost.store;

import io.sealpost.seal.SealedBlob;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A protected message held for the portal: the whole original MIME message, sealed. */
@Entity
@Table(name = "sealed_message")
public class SealedMessage {

    @Id
    @Column(length = 36)
    private String id;

    @Column(length = 512, nullable = false)
    private String sender;

    /** The recipients it was sealed for, one per line. */
    @Column(length = 65535, nullable = false)
    private String recipients;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Embedded
    private SealedBlob content;

    protected SealedMessage() {
    }

    public SealedMessage(String id, String sender, List<String> recipients, Instant createdAt, Instant expiresAt,
                         long size, SealedBlob content) {
        this.id = id;
        this.sender = sender;
        this.recipients = String.join("\n", recipients);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.size = size;
        this.content = content;
    }

    public String id() {
        return id;
    }

    public String sender() {
        return sender;
    }

    public List<String> recipients() {
        return Arrays.asList(recipients.split("\n"));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public long size() {
        return size;
    }

    public SealedBlob content() {
        return content;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt) || content.destroyed();
    }
}
