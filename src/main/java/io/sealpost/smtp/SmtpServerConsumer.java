package io.sealpost.smtp;

import io.sealpost.config.SettingException;
import io.sealpost.delivery.Envelope;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Runs the embedded SMTP server. Envelope checks (relay permission, address syntax) answer at
 * RCPT; size is enforced while reading DATA; the final reply waits for the route, so a message
 * the route could not commit is answered {@code 451} and stays the client's responsibility.
 */
public class SmtpServerConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpServerConsumer.class);

    private final SmtpServerOptions options;
    private SMTPServer server;

    SmtpServerConsumer(SmtpServerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.options = endpoint.options();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SMTPServer.Builder builder = SMTPServer.port(options.port())
                .bindAddress(InetAddress.getByName(options.bindAddress()))
                .softwareName("Sealpost")
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, options.maxMessageSize()))
                .maxRecipients(options.maxRecipients())
                .messageHandlerFactory(Transaction::new);
        if (options.hostName() != null) {
            builder.hostName(options.hostName());
        }
        server = builder.build();
        server.getCommandHandler().addCommand(new WholeChunksBdatCommand());
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new SettingException("sealpost.smtp.port: cannot listen on " + options.bindAddress() + ":" + options.port()
                    + " (" + SettingException.rootMessage(e) + ")");
        }
        LOG.info("SMTP ingress listening on {}:{}", options.bindAddress(), server.getPortAllocated());
    }


    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
        }
        super.doStop();
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return server.getPortAllocated();
    }

    /** One mail transaction: MAIL FROM, RCPT TO..., DATA. */
    private final class Transaction implements MessageHandler {

        private final InetAddress client;
        private String from;
        private final List<String> recipients = new ArrayList<>();
        private final Set<String> distinctMailboxes = new HashSet<>();

        Transaction(MessageContext context) {
            this.client = ((InetSocketAddress) context.getRemoteAddress()).getAddress();
        }

        @Override
        public void from(String reversePath) throws RejectException {
            if (!reversePath.isEmpty()) {
                requireValidAddress(reversePath, 553, "5.1.7 Bad sender address syntax");
            }
            this.from = reversePath;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (!options.allowedNetworks().allows(client)) {
                throw new RejectException(554, "5.7.1 <" + recipient + ">: Relay access denied for " + client.getHostAddress());
            }
            requireValidAddress(recipient, 553, "5.1.3 Bad recipient address syntax");
            // the same recipient named twice (the domain in any case) gets one copy; the local
            // part keeps its case, which only the recipient's own server may interpret
            int at = recipient.lastIndexOf('@');
            String mailbox = recipient.substring(0, at + 1) + recipient.substring(at + 1).toLowerCase(Locale.ROOT);
            if (distinctMailboxes.add(mailbox)) {
                recipients.add(recipient);
            }
        }

        private void requireValidAddress(String address, int code, String message) throws RejectException {
            try {
                new InternetAddress(address, true).validate();
            } catch (AddressException e) {
                throw new RejectException(code, message);
            }
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            byte[] raw = readLimited(data);
            Exchange exchange = createExchange(false);
            try {
                exchange.getIn().setBody(raw);
                exchange.getIn().setHeader(Envelope.FROM, from);
                exchange.getIn().setHeader(Envelope.TO, List.copyOf(recipients));
                exchange.getIn().setHeader(Envelope.CLIENT_ADDRESS, client.getHostAddress());
                getProcessor().process(exchange);
                if (exchange.getException() instanceof RefusedMessageException refused) {
                    throw new RejectException(refused.code(), refused.getMessage());
                }
                if (exchange.getException() != null) {
                    LOG.error("Message from {} not accepted: {}", client.getHostAddress(), exchange.getException().getMessage());
                    throw new RejectException(451, "4.3.0 Message not stored, please try again later");
                }
                return "2.0.0 Ok: queued as " + exchange.getIn().getHeader(Envelope.SPOOL_ID, "", String.class);
            } catch (RejectException e) {
                throw e;
            } catch (Exception e) {
                LOG.error("Message from {} not accepted: {}", client.getHostAddress(), e.getMessage());
                throw new RejectException(451, "4.3.0 Message not stored, please try again later");
            } finally {
                releaseExchange(exchange, false);
            }
        }

        /** Reads the message, or all of it and then refuses it: the client must see the reply, not a broken stream. */
        private byte[] readLimited(InputStream data) throws IOException, RejectException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
            byte[] chunk = new byte[8192];
            long total = 0;
            int read;
            while ((read = data.read(chunk)) != -1) {
                total += read;
                if (total <= options.maxMessageSize()) {
                    buffer.write(chunk, 0, read);
                }
            }
            if (total > options.maxMessageSize()) {
                throw new RejectException(552, "5.3.4 Message size exceeds fixed limit of " + options.maxMessageSize() + " bytes");
            }
            return buffer.toByteArray();
        }

        @Override
        public void done() {
            // nothing is held between transactions
        }
    }
}
