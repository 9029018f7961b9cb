package io.sealpost.policy;

import io.sealpost.config.Settings;
import java.time.Duration;

/**
 * Bounds on scanning one message, so that no attachment can stall or exhaust the gateway.
 *
 * @param archiveDepth     how deep attachments may nest inside each other (archives, mails, documents)
 * @param mimeDepth        how deep the message's own MIME multiparts may nest
 * @param extractedChars   text extracted from all attachments of one message, in characters
 * @param expansionRatio   bytes unpacked from an attachment per byte of the attachment (zip bombs)
 * @param parseTime        time to extract one attachment, everything inside it included
 */
record ScanLimits(int archiveDepth, int mimeDepth, long extractedChars, int expansionRatio, Duration parseTime) {

    static ScanLimits fromSettings(Settings settings) {
        return new ScanLimits(
                settings.integer("sealpost.policy.limit.archive-depth", 5, 1, 100),
                settings.integer("sealpost.policy.limit.mime-depth", 20, 1, 1000),
                settings.bytes("sealpost.policy.limit.extracted-chars", 32L * 1024 * 1024),
                settings.integer("sealpost.policy.limit.expansion-ratio", 100, 2, 1_000_000),
                settings.duration("sealpost.policy.limit.parse-time", Duration.ofSeconds(30)));
    }
}
