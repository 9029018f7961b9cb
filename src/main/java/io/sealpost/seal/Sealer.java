package io.sealpost.seal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption: each piece of content gets a fresh AES-256 data key and a random 96-bit
 * nonce (AES-256-GCM); the data key is wrapped with the active master key (AES key wrap,
 * RFC 3394). The associated data binds a ciphertext to the record that holds it, so ciphertexts
 * cannot be swapped between rows.
 */
public final class Sealer {

    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;

    private final MasterKeys masterKeys;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<KeyGenerator> dataKeys = ThreadLocal.withInitial(() -> {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JVM", e);
        }
    });

    public Sealer(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    public SealedBlob seal(byte[] plaintext, String associatedData) {
        try {
            SecretKey dataKey = dataKeys.get().generateKey();
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] ciphertext = gcm.doFinal(plaintext);
            Cipher wrap = Cipher.getInstance("AESWrap");
            wrap.init(Cipher.WRAP_MODE, masterKeys.active());
            return new SealedBlob(masterKeys.activeKeyId(), wrap.wrap(dataKey), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e.getMessage(), e);
        }
    }

    /** Decrypts and authenticates; fails if the blob was altered, moved to another record, or shredded. */
    public byte[] open(SealedBlob blob, String associatedData) {
        if (blob.destroyed()) {
            throw new IllegalStateException("the data key of this content has been destroyed");
        }
        try {
            Cipher unwrap = Cipher.getInstance("AESWrap");
            unwrap.init(Cipher.UNWRAP_MODE, masterKeys.byId(blob.keyId()));
            SecretKey dataKey = (SecretKey) unwrap.unwrap(blob.wrappedKey(), "AES", Cipher.SECRET_KEY);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey.getEncoded(), "AES"),
                    new GCMParameterSpec(TAG_BITS, blob.nonce()));
            gcm.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return gcm.doFinal(blob.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed content failed authentication: " + e.getMessage(), e);
        }
    }
}
