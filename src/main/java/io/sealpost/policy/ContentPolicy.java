package io.sealpost.policy;

import io.sealpost.config.Settings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The content policies: runs the enabled packs over the subject, the body parts and every
 * attachment's extracted text, and records the parts that could not be scanned. Thread-safe;
 * never throws for problems with the content, which end up as {@link Unscannable} instead.
 */
public final class ContentPolicy {

    /** More reasons than this add nothing to a decision or an audit record. */
    static final int MAX_REASONS = 100;

    private final List<Detector> detectors;
    private final MessageWalker walker;
    private final Outcome encrypted;
    private final Outcome failed;

    ContentPolicy(List<Detector> detectors, ScanLimits limits, Outcome encrypted, Outcome failed) {
        this.detectors = List.copyOf(detectors);
        this.walker = new MessageWalker(new AttachmentExtractor(limits), limits.mimeDepth());
        this.encrypted = encrypted;
        this.failed = failed;
    }

    /** Packs, lexicons and limits from the settings; a bad setting or file fails with a SettingException. */
    public static ContentPolicy fromSettings(Settings settings) {
        return new ContentPolicy(PolicyPacks.fromSettings(settings), ScanLimits.fromSettings(settings),
                Outcome.fromSettings(settings, "sealpost.policy.unscannable.encrypted", Outcome.SCAN_REST),
                Outcome.fromSettings(settings, "sealpost.policy.unscannable.failed", Outcome.PROTECT));
    }

    /** Whether some unscannable part could make a message be refused; only then is it worth scanning at ingress. */
    public boolean mayReject() {
        return encrypted == Outcome.REJECT || failed == Outcome.REJECT;
    }

    public ContentScan scan(MimeMessage message) {
        Collector collector = new Collector();
        try {
            String subject = message.getSubject();
            if (subject != null) {
                collector.text("subject", subject);
            }
        } catch (MessagingException | RuntimeException e) {
            collector.unscannable("subject", "cannot be decoded: " + Mask.digits(String.valueOf(e.getMessage())),
                    ScanSink.Cause.FAILED);
        }
        walker.walk(message, collector);
        return collector.result();
    }

    /** Every hit of the enabled packs in one piece of text. */
    List<Reason> reasons(String location, String text) {
        List<Reason> reasons = new ArrayList<>();
        ScanText shared = new ScanText(text);
        for (Detector detector : detectors) {
            for (Hit hit : detector.detect(shared)) {
                reasons.add(new Reason(Reason.CONTENT, detector.pack(), location, hit.evidence()));
            }
        }
        return reasons;
    }

    /** Gathers one scan's findings; parts may report from the extraction worker. */
    private final class Collector implements ScanSink {
        private final Set<Reason> reasons = new LinkedHashSet<>();
        private final List<Unscannable> unscannable = new ArrayList<>();
        private boolean protect;
        private boolean reject;

        @Override
        public void text(String location, String text) {
            List<Reason> found = reasons(location, text);
            synchronized (this) {
                for (Reason reason : found) {
                    if (reasons.size() < MAX_REASONS) {
                        reasons.add(reason);
                    }
                }
            }
        }

        @Override
        public synchronized void unscannable(String location, String why, Cause cause) {
            unscannable.add(new Unscannable(location, why));
            Outcome outcome = cause == Cause.ENCRYPTED ? encrypted : failed;
            protect |= outcome == Outcome.PROTECT;
            reject |= outcome == Outcome.REJECT;
        }

        synchronized ContentScan result() {
            return new ContentScan(List.copyOf(reasons), unscannable, protect || !reasons.isEmpty(), reject);
        }
    }
}
