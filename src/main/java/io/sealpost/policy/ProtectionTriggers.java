package io.sealpost.policy;

import io.sealpost.config.Settings;
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

    public ProtectionTriggers(SubjectTrigger subjectTrigger, ConfidentialMarking confidentialMarking) {
        this.subjectTrigger = subjectTrigger;
        this.confidentialMarking = confidentialMarking;
    }

    public static ProtectionTriggers fromSettings(Settings settings) {
        return new ProtectionTriggers(new SubjectTrigger(settings.string("sealpost.trigger.subject-keyword", "[secure]")),
                ConfidentialMarking.fromSettings(settings));
    }

    public boolean subjectForced(Exchange exchange) throws MessagingException {
        return record(exchange, subjectTrigger.reason(MessageView.of(exchange).getSubject()));
    }

    public boolean markedConfidential(Exchange exchange) throws MessagingException {
        return record(exchange, confidentialMarking.reason(MessageView.of(exchange)));
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
        reason.ifPresent(found -> LOG.info("Message {} protected: {}", exchange.getIn().getHeader("SealpostSpoolId"), found));
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
