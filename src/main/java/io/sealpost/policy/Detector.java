package io.sealpost.policy;

import java.util.List;

/**
 * One content policy pack: finds what it protects in a piece of text and returns the evidence,
 * already masked. Implementations are immutable and thread-safe.
 */
public interface Detector {

    /** The pack id, as selected in {@code sealpost.policy.packs} and reported in {@link Reason#policy()}. */
    String pack();

    /** Every match in the text, in the order found, with masked evidence; empty when nothing matches. */
    List<Hit> detect(String text);
}
