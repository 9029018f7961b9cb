package io.sealpost.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
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
 */
final class SmtpRelay implements Relay {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpRelay.class);

    private final String host;
    private final int port;
    private final Session session;

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

    @Override
    public void deliver(byte[] message, String envelopeFrom, List<String> recipients) throws DeliveryException {
        try {
            SMTPMessage smtpMessage = new SMTPMessage(session, new ByteArrayInputStream(message));
            smtpMessage.setEnvelopeFrom(envelopeFrom.isEmpty() ? "<>" : envelopeFrom);
            Address[] addresses = new Address[recipients.size()];
            for (int i = 0; i < addresses.length; i++) {
                addresses[i] = new InternetAddress(recipients.get(i), false);
            }
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(smtpMessage, addresses);
            }
        } catch (SendFailedException e) {
            handlePartial(e, recipients);
        } catch (AddressException e) {
            throw new DeliveryException("bad recipient address: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new DeliveryException("relay to " + host + ":" + port + " failed: " + describe(e), false, e);
        }
    }

    /** Recipients the hop refused for good are reported; if none was accepted the delivery failed. */
    private void handlePartial(SendFailedException e, List<String> recipients) throws DeliveryException {
        Address[] sent = e.getValidSentAddresses();
        if (sent != null && sent.length > 0) {
            LOG.warn("Relay to {}:{} refused {} of {} recipient(s): {}", host, port,
                    recipients.size() - sent.length, recipients.size(), describe(e));
            return;
        }
        boolean permanent = e instanceof SMTPSendFailedException failed ? failed.getReturnCode() >= 500
                : e.getNextException() instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500;
        throw new DeliveryException("relay to " + host + ":" + port + " refused the message: " + describe(e), permanent, e);
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
