package io.sealpost.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.io.ReceivedHeaderStream;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * RFC 3030 {@code BDAT}, replacing SubEthaSMTP 7.2's own, which reads a connection closed inside
 * the {@code LAST} chunk as the end of the message and so accepts a truncated one. Here each
 * chunk is read whole or the transaction is abandoned; the message is handed on only after its
 * last chunk arrived complete, with the same trace header as {@code DATA} gives it.
 */
final class WholeChunksBdatCommand extends BaseCommand {

    /** One transaction's message so far; past the size limit the rest is read and dropped. */
    private static final class Received {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean oversized;
    }

    /** Per mail transaction (each transaction has its own handler). */
    private final Map<MessageHandler, Received> transactions = Collections.synchronizedMap(new WeakHashMap<>());

    WholeChunksBdatCommand() {
        super("BDAT", "Sends a chunk of the message: BDAT <size> [LAST]");
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        String[] args = getArgs(commandString);
        long size;
        try {
            size = args.length >= 2 ? Long.parseLong(args[1]) : -1;
        } catch (NumberFormatException e) {
            size = -1;
        }
        boolean last = args.length == 3 && args[2].equalsIgnoreCase("LAST");
        if (size < 0 || args.length > 3 || (args.length == 3 && !last)) {
            // the chunk's bytes follow regardless, and their length is unknown: the session cannot continue
            throw new DropConnectionException(501, "5.5.4 Syntax: BDAT <size> [LAST]");
        }
        byte[] chunk = session.getRawInput().readNBytes((int) Math.min(size, Integer.MAX_VALUE));
        if (chunk.length < size) {
            abandon(session);
            throw new DropConnectionException(421, "4.4.2 Connection closed inside a BDAT chunk");
        }
        if (!session.isMailTransactionInProgress()) {
            session.sendResponse("503 5.5.1 Error: need MAIL command");
            return;
        }
        if (session.getRecipientCount() == 0) {
            session.sendResponse("503 5.5.1 Error: need RCPT command");
            return;
        }
        Received message = transactions.computeIfAbsent(session.getMessageHandler(), handler -> new Received());
        message.oversized |= message.bytes.size() + chunk.length > maxSize(session);
        if (message.oversized) {
            message.bytes.reset();
        } else {
            message.bytes.write(chunk);
        }
        if (!last) {
            session.sendResponse("250 2.0.0 " + size + " octets received");
            return;
        }
        deliver(session, transactions.remove(session.getMessageHandler()));
    }

    private void deliver(Session session, Received message) throws IOException {
        if (message.oversized) {
            session.sendResponse("552 5.3.4 Message size exceeds fixed limit of " + maxSize(session) + " bytes");
            session.resetMailTransaction();
            return;
        }
        SMTPServer server = session.getServer();
        InputStream data = new ReceivedHeaderStream(new ByteArrayInputStream(message.bytes.toByteArray()), session.getHelo(),
                session.getRemoteAddress().getAddress(), server.getHostName(), Optional.of(server.getSoftwareName()),
                session.getSessionId(), session.getSingleRecipient());
        try {
            String reply = session.getMessageHandler().data(data);
            session.sendResponse("250 " + (reply == null ? "Ok" : reply));
        } catch (RejectException e) {
            session.sendResponse(e.getErrorResponse());
        }
        session.resetMailTransaction();
    }

    private void abandon(Session session) {
        if (session.isMailTransactionInProgress()) {
            transactions.remove(session.getMessageHandler());
        }
    }

    private static long maxSize(Session session) {
        int configured = session.getServer().getMaxMessageSize();
        return configured > 0 ? configured : Long.MAX_VALUE;
    }
}
