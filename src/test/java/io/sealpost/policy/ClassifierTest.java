package io.sealpost.policy;

import io.sealpost.testing.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.config.Settings;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private final Classifier classifier = Classifier.fromSettings(Settings.of(Map.of()));

    @Test
    void allThreeTriggersReportTheirReasons() throws Exception {
        MimeMessage message = Fixtures.message("RE: [secure] payroll", "SSN 536-22-8124");
        message.setHeader("Sensitivity", "Company-Confidential");
        Classification result = classifier.classify(message);
        assertTrue(result.protect());
        assertEquals(List.of(Reason.SUBJECT, Reason.HEADER, Reason.CONTENT),
                result.reasons().stream().map(Reason::trigger).toList());
        assertEquals(new Reason(Reason.CONTENT, "ssn", "body", "***-**-8124"), result.reasons().get(2));
    }

    @Test
    void configuredKeyword() {
        Classifier custom = Classifier.fromSettings(Settings.of(Map.of("sealpost.trigger.subject-keyword", "#encrypt")));
        assertTrue(custom.classify(Fixtures.message("#encrypt report", "hello")).protect());
        assertFalse(custom.classify(Fixtures.message("[secure] report", "hello")).protect());
    }

    @Test
    void unscannableWithScanRestOutcomeDoesNotProtect() {
        Classification result = classifier.classify(
                Fixtures.withAttachment("locked.pdf", "application/pdf", Fixtures.pdf("x", "pw")));
        assertFalse(result.protect());
        assertEquals(1, result.unscannable().size());
    }

    @Test
    void nothingToProtect() {
        Classification result = classifier.classify(Fixtures.message("Lunch", "Noon at the usual place?"));
        assertEquals(new Classification(false, List.of(), List.of()), result);
    }
}
