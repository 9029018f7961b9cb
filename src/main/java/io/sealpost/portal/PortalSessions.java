package io.sealpost.portal;

import io.sealpost.seal.Tokens;
import io.sealpost.store.Database;
import io.sealpost.store.PortalSession;
import java.time.Duration;
import java.time.Instant;

/** Recipients who proved their address: the browser holds a random session id, the database its hash. */
final class PortalSessions {

    private final Database database;
    private final Duration lifetime;

    PortalSessions(Database database, Duration lifetime) {
        this.database = database;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for the recipient and returns the id the browser keeps. */
    String open(String recipient) {
        String sessionId = Tokens.newToken();
        Instant now = Instant.now();
        database.run(entityManager -> entityManager.persist(new PortalSession(Tokens.hash(sessionId), recipient, now, now.plus(lifetime))));
        return sessionId;
    }

    boolean isValidFor(String sessionId, String recipient) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return false;
        }
        PortalSession session = database.inTransaction(entityManager -> entityManager.find(PortalSession.class, Tokens.hash(sessionId)));
        return session != null && Instant.now().isBefore(session.expiresAt()) && session.recipient().equalsIgnoreCase(recipient);
    }
}
