package io.sealpost.seal;

import io.sealpost.store.Database;
import io.sealpost.store.RecipientAccess;
import io.sealpost.store.SealedMessage;
import java.time.Instant;
import java.util.Optional;

/** Reading side of sealed storage: from a link token to the recipient's grant and the opened message. */
public final class SealedMessages {

    private final Database database;
    private final Sealer sealer;

    public SealedMessages(Database database, Sealer sealer) {
        this.database = database;
        this.sealer = sealer;
    }

    static String associatedData(String sealedMessageId) {
        return "sealed-message:" + sealedMessageId;
    }

    /** The access a link token grants, if the token is known and neither it nor its message has expired. */
    public Optional<RecipientAccess> accessFor(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return database.inTransaction(entityManager -> entityManager
                        .createQuery("select a from RecipientAccess a where a.tokenHash = :hash", RecipientAccess.class)
                        .setParameter("hash", Tokens.hash(token))
                        .getResultStream().findFirst())
                .filter(access -> now.isBefore(access.expiresAt()));
    }

    public Optional<SealedMessage> message(String sealedMessageId) {
        Instant now = Instant.now();
        return Optional.ofNullable(database.inTransaction(entityManager -> entityManager.find(SealedMessage.class, sealedMessageId)))
                .filter(message -> !message.expired(now));
    }

    /**
     * Crypto-shredding of what has expired: the wrapped data key and the ciphertext go, the
     * envelope stays for the audit trail. Returns how many messages were destroyed.
     */
    public int destroyExpired() {
        return database.inTransaction(entityManager -> entityManager.createQuery(
                        "update SealedMessage m set m.content.wrappedKey = null, m.content.ciphertext = null "
                                + "where m.expiresAt <= :now and m.content.wrappedKey is not null")
                .setParameter("now", Instant.now())
                .executeUpdate());
    }

    /** The original MIME message, decrypted. */
    public byte[] open(SealedMessage message) {
        return sealer.open(message.content(), associatedData(message.id()));
    }
}
