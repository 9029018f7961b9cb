package io.sealpost.seal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;

/**
 * Content encrypted under its own data key: the AES-256-GCM ciphertext and nonce, and the data
 * key wrapped by the master key named {@code keyId}. Destroying {@code wrappedKey} (the expiry
 * route, {@link SealedMessages#destroyExpired()}) makes the
 * ciphertext unreadable for good.
 */
@Embeddable
public class SealedBlob {

    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "wrapped_key", length = 64)
    private byte[] wrappedKey;

    @Column(name = "nonce", length = 12)
    private byte[] nonce;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "ciphertext")
    private byte[] ciphertext;

    protected SealedBlob() {
    }

    public SealedBlob(String keyId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {
        this.keyId = keyId;
        this.wrappedKey = wrappedKey;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
    }

    public String keyId() {
        return keyId;
    }

    public byte[] wrappedKey() {
        return wrappedKey;
    }

    public byte[] nonce() {
        return nonce;
    }

    public byte[] ciphertext() {
        return ciphertext;
    }

    public boolean destroyed() {
        return wrappedKey == null;
    }
}
