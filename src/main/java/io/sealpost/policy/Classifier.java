package io.sealpost.policy;

import io.sealpost.config.Settings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The three protection triggers together: the force keyword in the subject, a confidential
 * marking in the headers, and the content policies. All three are evaluated, so the reasons name
 * every trigger that applies.
 */
public final class Classifier {

    private final SubjectTrigger subject;
    private final ConfidentialMarking marking;
    private final ContentPolicy content;

    public Classifier(SubjectTrigger subject, ConfidentialMarking marking, ContentPolicy content) {
        this.subject = subject;
        this.marking = marking;
        this.content = content;
    }

    public static Classifier fromSettings(Settings settings) {
        return new Classifier(new SubjectTrigger(settings.string("sealpost.trigger.subject-keyword", "[secure]")),
                ConfidentialMarking.fromSettings(settings), ContentPolicy.fromSettings(settings));
    }

    public SubjectTrigger subjectTrigger() {
        return subject;
    }

    public ConfidentialMarking confidentialMarking() {
        return marking;
    }

    public ContentPolicy contentPolicy() {
        return content;
    }

    public Classification classify(MimeMessage message) {
        List<Reason> reasons = new ArrayList<>();
        List<Unscannable> unscannable = new ArrayList<>();
        boolean protect = false;
        try {
            subject.reason(message.getSubject()).ifPresent(reasons::add);
            marking.reason(message).ifPresent(reasons::add);
        } catch (MessagingException e) {
            unscannable.add(new Unscannable("header", "cannot be read: " + e.getMessage()));
            protect = true;
        }
        ContentScan scan = content.scan(message);
        reasons.addAll(scan.reasons());
        unscannable.addAll(scan.unscannable());
        return new Classification(protect || !reasons.isEmpty() || scan.protect(), reasons, unscannable);
    }
}
