package io.sealpost.seal;

import io.sealpost.config.Settings;
import io.sealpost.delivery.Envelope;
import io.sealpost.policy.MessageView;
import io.sealpost.store.Database;
import io.sealpost.store.RecipientAccess;
import io.sealpost.store.SealedMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * Seals the whole message for the portal and grants each recipient access through a link
 * token. Leaves the grants as the body, for the notify route.
 */
public final class SealAndStore {

    private final Database database;
    private final Sealer sealer;
    private final Duration retention;

    public SealAndStore(Database database, Sealer sealer, Duration retention) {
        this.database = database;
        this.sealer = sealer;
        this.retention = retention;
    }

    public static SealAndStore fromSettings(Settings settings, Database database, Sealer sealer) {
        return new SealAndStore(database, sealer, settings.duration("sealpost.seal.retention", Duration.ofDays(30)));
    }

    public List<PortalGrant> seal(Exchange exchange) throws MessagingException {
        MimeMessage message = MessageView.of(exchange);
        byte[] raw = exchange.getIn().getBody(byte[].class);
        String envelopeFrom = exchange.getIn().getHeader(Envelope.FROM, "", String.class);
        @SuppressWarnings("unchecked")
        List<String> recipients = exchange.getIn().getHeader(Envelope.TO, List.class);
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant expires = now.plus(retention);
        String sender = displaySender(message, envelopeFrom);
        String subject = message.getSubject();
        List<PortalGrant> grants = new ArrayList<>();
        List<RecipientAccess> accesses = new ArrayList<>();
        for (String recipient : recipients) {
            String token = Tokens.newToken();
            accesses.add(new RecipientAccess(UUID.randomUUID().toString(), id, recipient, Tokens.hash(token), now, expires));
            grants.add(new PortalGrant(recipient, token, id, sender, envelopeFrom, subject));
        }
        SealedMessage sealed = new SealedMessage(id, envelopeFrom, recipients, now, expires, raw.length,
                sealer.seal(raw, SealedMessages.associatedData(id)));
        database.run(entityManager -> {
            entityManager.persist(sealed);
            accesses.forEach(entityManager::persist);
        });
        return grants;
    }

    private static String displaySender(MimeMessage message, String envelopeFrom) throws MessagingException {
        Address[] from = message.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
            return address.getPersonal() != null ? address.getPersonal() + " <" + address.getAddress() + ">" : address.getAddress();
        }
        return envelopeFrom.isEmpty() ? "(unknown sender)" : envelopeFrom;
    }
}
