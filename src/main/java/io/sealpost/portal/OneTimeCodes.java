package io.sealpost.portal;

import io.sealpost.seal.Tokens;
import io.sealpost.store.Database;
import io.sealpost.store.OneTimeCode;
import io.sealpost.store.RecipientAccess;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The codes that prove a recipient owns the address. Only the newest code of an access counts;
 * it dies after {@code maxAttempts} wrong guesses, and an access gets at most
 * {@code codesPerHour} codes, so a link holder cannot guess their way in. Every issue and
 * check locks the access row, so parallel requests cannot get past these limits.
 */
final class OneTimeCodes {

    static final int DIGITS = 6;

    enum Outcome { VERIFIED, WRONG, EXHAUSTED, EXPIRED, NONE_REQUESTED }

    record Check(Outcome outcome, int triesLeft) {
    }

    record Issued(String id, String code) {
    }

    private final Database database;
    private final Duration validity;
    private final int maxAttempts;
    private final int codesPerHour;

    OneTimeCodes(Database database, Duration validity, int maxAttempts, int codesPerHour) {
        this.database = database;
        this.validity = validity;
        this.maxAttempts = maxAttempts;
        this.codesPerHour = codesPerHour;
    }

    Duration validity() {
        return validity;
    }

    /** A new code for the access, or empty when it already had its share this hour. */
    Optional<Issued> issue(RecipientAccess access) {
        Instant now = Instant.now();
        return database.inTransaction(entityManager -> {
            lock(entityManager, access);
            long recent = entityManager.createQuery(
                            "select count(c) from OneTimeCode c where c.recipientAccessId = :access and c.createdAt > :since", Long.class)
                    .setParameter("access", access.id())
                    .setParameter("since", now.minus(Duration.ofHours(1)))
                    .getSingleResult();
            if (recent >= codesPerHour) {
                return Optional.empty();
            }
            String code = Tokens.newCode(DIGITS);
            OneTimeCode stored = new OneTimeCode(UUID.randomUUID().toString(), access.id(), Tokens.hash(code), now, now.plus(validity));
            entityManager.persist(stored);
            return Optional.of(new Issued(stored.id(), code));
        });
    }

    /** Takes back a code that never reached the recipient, so it does not count against their hourly share. */
    void withdraw(Issued issued) {
        database.run(entityManager -> {
            OneTimeCode code = entityManager.find(OneTimeCode.class, issued.id());
            if (code != null) {
                entityManager.remove(code);
            }
        });
    }

    Check verify(RecipientAccess access, String code) {
        Instant now = Instant.now();
        return database.inTransaction(entityManager -> {
            lock(entityManager, access);
            Optional<OneTimeCode> newest = entityManager.createQuery(
                            "select c from OneTimeCode c where c.recipientAccessId = :access order by c.createdAt desc", OneTimeCode.class)
                    .setParameter("access", access.id())
                    .setMaxResults(1)
                    .getResultStream().findFirst();
            if (newest.isEmpty() || newest.get().used()) {
                return new Check(Outcome.NONE_REQUESTED, 0);
            }
            OneTimeCode current = newest.get();
            if (current.failedAttempts() >= maxAttempts) {
                return new Check(Outcome.EXHAUSTED, 0);
            }
            if (!now.isBefore(current.expiresAt())) {
                return new Check(Outcome.EXPIRED, 0);
            }
            if (sameHash(current.codeHash(), Tokens.hash(code))) {
                current.markUsed();
                return new Check(Outcome.VERIFIED, 0);
            }
            current.recordFailure();
            int triesLeft = maxAttempts - current.failedAttempts();
            return new Check(triesLeft > 0 ? Outcome.WRONG : Outcome.EXHAUSTED, triesLeft);
        });
    }

    private static void lock(EntityManager entityManager, RecipientAccess access) {
        entityManager.find(RecipientAccess.class, access.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    private static boolean sameHash(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }
}
