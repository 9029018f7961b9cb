package io.sealpost.policy;

import io.sealpost.delivery.Envelope;
import io.sealpost.smtp.RefusedMessageException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content router's predicates. Each one that matches records its reasons on the exchange
 * (property {@value #REASONS}); evidence in reasons is already masked, so logging them is safe.
 */
public final class ProtectionTriggers {

    public static final String REASONS = "SealpostReasons";
    private static final Logger LOG = LoggerFactory.getLogger(ProtectionTriggers.class);

    private final SubjectTrigger subjectTrigger;
    private final ConfidentialMarking confidentialMarking;
    private final ContentPolicy contentPolicy;

    /** The same triggers the classify command explains, asked one at a time so the route shows the order. */
    public ProtectionTriggers(Classifier classifier) {
        this.subjectTrigger = classifier.subjectTrigger();
        this.confidentialMarking = classifier.confidentialMarking();
        this.contentPolicy = classifier.contentPolicy();
    }

    public boolean subjectForced(Exchange exchange) throws MessagingException {
        return record(exchange, subjectTrigger.reason(MessageView.of(exchange).getSubject()));
    }

    public boolean markedConfidential(Exchange exchange) throws MessagingException {
        return record(exchange, confidentialMarking.reason(MessageView.of(exchange)));
    }

    /** A content policy matched the subject, a body part or an attachment, or an unscannable part must be protected. */
    public boolean contentMatches(Exchange exchange) throws MessagingException {
        ContentScan scan = contentPolicy.scan(MessageView.of(exchange));
        scan.unscannable().forEach(part -> LOG.info("Message {}: {} could not be scanned: {}",
                exchange.getIn().getHeader(Envelope.SPOOL_ID), part.location(), part.why()));
        scan.reasons().forEach(reason -> record(exchange, Optional.of(reason)));
        if (scan.reasons().isEmpty() && scan.protect()) {
            record(exchange, Optional.of(new Reason(Reason.CONTENT, "unscannable", scan.unscannable().get(0).location(),
                    scan.unscannable().get(0).why())));
        }
        return scan.protect();
    }

    /**
     * At ingress, before the message is accepted: refuses it with {@code 550} when an unscannable
     * part's configured outcome is {@code reject}, so the sender hears it from their own server.
     */
    public void refuseUnscannable(Exchange exchange) throws MessagingException {
        if (!contentPolicy.mayReject()) {
            return;
        }
        ContentScan scan = contentPolicy.scan(MessageView.of(exchange));
        if (scan.reject()) {
            Unscannable part = scan.unscannable().get(0);
            throw new RefusedMessageException(550, "5.7.1 Message refused by policy: " + part.location()
                    + " cannot be scanned (" + part.why() + ")");
        }
    }

    /** Takes the force keyword out of the subject recipients see; the rest of the message keeps its bytes. */
    public void removeSubjectKeyword(Exchange exchange) throws MessagingException, IOException {
        MimeMessage message = MessageView.of(exchange);
        Optional<String> stripped = subjectTrigger.strip(message.getSubject());
        if (stripped.isEmpty()) {
            return;
        }
        message.setSubject(stripped.get(), "UTF-8");
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(exchange.getIn().getBody(byte[].class).length);
        message.writeTo(rewritten);
        exchange.getIn().setBody(rewritten.toByteArray());
    }

    private boolean record(Exchange exchange, Optional<Reason> reason) {
        reason.ifPresent(found -> reasons(exchange).add(found));
        reason.ifPresent(found -> LOG.info("Message {} protected: {}", exchange.getIn().getHeader(Envelope.SPOOL_ID), found));
        return reason.isPresent();
    }

    @SuppressWarnings("unchecked")
    private static List<Reason> reasons(Exchange exchange) {
        List<Reason> reasons = exchange.getProperty(REASONS, List.class);
        if (reasons == null) {
            reasons = new ArrayList<>();
            exchange.setProperty(REASONS, reasons);
        }
        return reasons;
    }
}
