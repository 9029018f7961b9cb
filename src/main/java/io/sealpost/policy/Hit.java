package io.sealpost.policy;

/** One match of a detector: where it starts in the scanned text and its masked evidence. */
public record Hit(int offset, String evidence) {
}
