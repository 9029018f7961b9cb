package io.sealpost.policy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The running extraction of one attachment: counts the bytes read from it and unpacked from inside
 * it, and the characters extracted (against the message-wide budget), watches the deadline, and
 * once a limit is hit stops everything still reading or writing for it. Reports to the sink go
 * through {@link #report}, so nothing arrives after the attempt was stopped.
 */
final class Attempt {

    /** Unpacking a small attachment to this many bytes is never a zip bomb, whatever the ratio. */
    private static final long EXPANSION_FLOOR = 64 * 1024;

    private final ScanLimits limits;
    private final AtomicLong messageChars;
    private final long deadline;
    private long packedBytes;
    private long unpackedBytes;
    private volatile String stoppedBecause;

    Attempt(ScanLimits limits, AtomicLong messageChars) {
        this.limits = limits;
        this.messageChars = messageChars;
        this.deadline = System.nanoTime() + limits.parseTime().toNanos();
    }

    /** Why the attempt was stopped, or null while it runs. */
    String stoppedBecause() {
        return stoppedBecause;
    }

    synchronized void stop(String why) {
        if (stoppedBecause == null) {
            stoppedBecause = why;
        }
    }

    synchronized void report(Runnable toSink) {
        if (stoppedBecause == null) {
            toSink.run();
        }
    }

    /** Bytes read from the attachment itself ({@code nested} false) or from something inside it. */
    void read(long bytes, boolean nested) throws LimitExceeded {
        synchronized (this) {
            if (nested) {
                unpackedBytes += bytes;
            } else {
                packedBytes += bytes;
            }
            if (unpackedBytes > limits.expansionRatio() * Math.max(packedBytes, EXPANSION_FLOOR)) {
                stop("unpacks to more than " + limits.expansionRatio() + " times its size (zip bomb?)");
            }
        }
        check();
    }

    void extracted(int chars) throws LimitExceeded {
        if (messageChars.addAndGet(chars) > limits.extractedChars()) {
            stop("more than " + limits.extractedChars() + " characters of text extracted from the message's attachments");
        }
        check();
    }

    void check() throws LimitExceeded {
        if (stoppedBecause == null && System.nanoTime() > deadline) {
            stop("not extracted within " + limits.parseTime().toSeconds() + " s");
        }
        if (stoppedBecause != null) {
            throw new LimitExceeded(stoppedBecause);
        }
    }

    /** A scan limit was hit; thrown through the parsers to end the extraction. */
    static final class LimitExceeded extends java.io.IOException {
        LimitExceeded(String why) {
            super(why);
        }
    }
}
