package io.sealpost.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays over SMTP with Jakarta Mail, the message bytes untouched. Plain relay uses STARTTLS when
 * offered without insisting on it; {@code requireTls} insists, verifies the certificate chain
 * against the trust store and the host name against the certificate, and fails rather than send
 * in clear.
 *
 * <p>Sessions to the hop are reused, as MTAs cache theirs: a connection (with its TLS, already
 * verified) goes back to an idle pool after a clean delivery and is closed after any failure, after
 * {@link #MAX_MESSAGES_PER_CONNECTION} messages, or when it has idled too long.
 */
final class SmtpRelay implements Relay {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpRelay.class);
    /** Idle sessions kept per hop; more than the spool has workers is never needed. */
    private static final int MAX_IDLE_CONNECTIONS = 32;
    /**
     * A session is retired after this many messages: Exchange's receive connectors take 20 per
     * connection by default (MaxMessagesPerConnection), and a refusal there would defer the message.
     */
    private static final int MAX_MESSAGES_PER_CONNECTION = 20;
    /** A session idle longer than this is asked NOOP before reuse: the server may have dropped it. */
    private static final long UNCHECKED_REUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A session idle longer than this is closed, not reused (Postfix keeps its cache for 2 s). */
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record IdleConnection(Transport transport, int messagesSent, long idleSince) {
    }

    private final String host;
    private final int port;
    private final Session session;
    private final Deque<IdleConnection> idle = new ConcurrentLinkedDeque<>();

    SmtpRelay(String host, int port, boolean requireTls, SSLContext tlsContext, String heloName, int timeoutSeconds) {
        this.host = host;
        this.port = port;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.localhost", heloName);
        properties.put("mail.smtp.sendpartial", "true");
        properties.put("mail.smtp.connectiontimeout", String.valueOf(timeoutSeconds * 1000));
        properties.put("mail.smtp.timeout", String.valueOf(timeoutSeconds * 1000));
        properties.put("mail.smtp.writetimeout", String.valueOf(timeoutSeconds * 1000));
        properties.put("mail.smtp.starttls.enable", "true");
        if (requireTls) {
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            properties.put("mail.smtp.ssl.socketFactory", tlsContext.getSocketFactory());
        } else {
            // opportunistic: encrypt when the hop offers it, as MTAs do, without refusing cleartext
            properties.put("mail.smtp.ssl.trust", "*");
        }
        this.session = Session.getInstance(properties);
    }

    /**
     * Sends to every recipient the hop accepts. Those it refuses, with a 5xx (permanent) or a 4xx
     * (temporary) reply to RCPT or to the whole transaction, or because it could not be reached
     * (temporary), come back in the {@link DeliveryException}; the others have the message.
     */
    @Override
    public void deliver(byte[] message, String envelopeFrom, List<String> recipients) throws DeliveryException {
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        List<InternetAddress> addresses = new ArrayList<>();
        for (String recipient : recipients) {
            try {
                addresses.add(new InternetAddress(recipient, false));
            } catch (AddressException e) {
                refusals.put(recipient, new Refusal("bad recipient address: " + e.getMessage(), true));
            }
        }
        try {
            if (!addresses.isEmpty()) {
                SMTPMessage smtpMessage = new SMTPMessage(session, new ByteArrayInputStream(message));
                smtpMessage.setEnvelopeFrom(envelopeFrom.isEmpty() ? "<>" : envelopeFrom);
                send(smtpMessage, addresses.toArray(Address[]::new));
            }
        } catch (SendFailedException e) {
            refusals.putAll(refusalsOf(e, addresses));
        } catch (MessagingException e) {
            Refusal unreachable = new Refusal("relay to " + host + ":" + port + " failed: " + describe(e), false);
            addresses.forEach(address -> refusals.put(address.getAddress(), unreachable));
        }
        if (!refusals.isEmpty()) {
            throw new DeliveryException("relay to " + host + ":" + port + " did not take " + refusals.keySet() + ": "
                    + refusals.values().stream().map(Refusal::reply).distinct().toList(), refusals, null);
        }
    }

    private void send(SMTPMessage message, Address[] addresses) throws MessagingException {
        IdleConnection connection = borrow();
        boolean clean = false;
        try {
            connection.transport().sendMessage(message, addresses);
            clean = true;
        } finally {
            int messagesSent = connection.messagesSent() + 1;
            if (clean && messagesSent < MAX_MESSAGES_PER_CONNECTION && idle.size() < MAX_IDLE_CONNECTIONS) {
                idle.addFirst(new IdleConnection(connection.transport(), messagesSent, System.nanoTime()));
            } else {
                closeQuietly(connection.transport());
            }
        }
    }

    /** The most recently used idle session that is still fit, else a new one. */
    private IdleConnection borrow() throws MessagingException {
        for (IdleConnection candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            long idleNanos = System.nanoTime() - candidate.idleSince();
            if (idleNanos < MAX_IDLE_NANOS && (idleNanos < UNCHECKED_REUSE_NANOS || candidate.transport().isConnected())) {
                return candidate;
            }
            closeQuietly(candidate.transport());
        }
        Transport transport = session.getTransport("smtp");
        transport.connect();
        return new IdleConnection(transport, 0, System.nanoTime());
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("Closing a relay session failed: {}", e.getMessage());
        }
    }

    /** Closes the idle sessions, when the endpoint stops. */
    @Override
    public void close() {
        for (IdleConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection.transport());
        }
    }

    /**
     * Per recipient, what a failed or partly failed transaction did: each refused RCPT carries its
     * own reply; a recipient neither accepted nor refused shares the fate of the transaction (a
     * reply to MAIL FROM or DATA, or a broken connection).
     */
    private Map<String, Refusal> refusalsOf(SendFailedException e, List<InternetAddress> attempted) {
        Set<Address> sent = e.getValidSentAddresses() == null ? Set.of() : Set.of(e.getValidSentAddresses());
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof MessagingException nested ? nested.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                refusals.put(refused.getAddress().getAddress(), new Refusal(reply(refused), refused.getReturnCode() >= 500));
            }
        }
        Refusal transaction = e instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 400
                ? new Refusal(reply(failed), failed.getReturnCode() >= 500)
                : new Refusal("relay to " + host + ":" + port + " failed: " + describe(e), false);
        for (InternetAddress address : attempted) {
            if (!sent.contains(address)) {
                refusals.putIfAbsent(address.getAddress(), transaction);
            }
        }
        return refusals;
    }

    /** The server's reply as it sent it ("550 5.1.1 ... unknown"), without the client command. */
    private static String reply(MessagingException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).trim());
        Exception next = e.getNextException();
        while (next != null) {
            text.append("; ").append(String.valueOf(next.getMessage()).trim());
            next = next instanceof MessagingException nested ? nested.getNextException() : null;
        }
        if (e.getCause() != null && e.getCause() != e.getNextException()) {
            text.append("; ").append(e.getCause().getMessage());
        }
        return text.toString().replaceAll("\\s+", " ");
    }
}
