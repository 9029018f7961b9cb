package io.sealpost.policy;

import java.util.List;

/**
 * One content policy pack: finds what it protects in a piece of text and returns the evidence,
 * already masked. Implementations are immutable and thread-safe.
 */
public interface Detector {

    /** The pack id, as selected in {@code sealpost.policy.packs} and reported in {@link Reason#policy()}. */
    String pack();

    /**
     * Every match in the text, with masked evidence; empty when nothing matches. The packs of one
     * scan are given the same {@link ScanText}, so what they have in common is worked out once.
     */
    List<Hit> detect(ScanText text);

    /** {@link #detect(ScanText)} for text on its own. */
    default List<Hit> detect(String text) {
        return detect(new ScanText(text));
    }
}
