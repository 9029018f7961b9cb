package io.sealpost.portal;

import io.sealpost.store.AuditEvent;
import io.sealpost.store.Database;
import io.sealpost.store.RecipientAccess;
import java.time.Instant;

/** Writes one audit row per portal access. Details name what happened, never content or codes. */
final class Audit {

    static final String LINK_OPENED = "link-opened";
    static final String LINK_INVALID = "link-invalid";
    static final String CODE_SENT = "code-sent";
    static final String CODE_NOT_SENT = "code-not-sent";
    static final String CODE_REFUSED = "code-refused";
    static final String CODE_FAILED = "code-failed";
    static final String CODE_VERIFIED = "code-verified";
    static final String MESSAGE_VIEWED = "message-viewed";
    static final String ATTACHMENT_DOWNLOADED = "attachment-downloaded";

    private final Database database;

    Audit(Database database) {
        this.database = database;
    }

    void record(String action, RecipientAccess access, String clientAddress, String detail) {
        AuditEvent event = new AuditEvent(Instant.now(), action,
                access == null ? null : access.recipient(), access == null ? null : access.sealedMessageId(),
                clientAddress, detail);
        database.run(entityManager -> entityManager.persist(event));
    }
}
