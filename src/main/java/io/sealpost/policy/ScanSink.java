package io.sealpost.policy;

/** Receives the text of each part of a message as it is extracted, and the parts that cannot be. */
interface ScanSink {

    enum Cause { ENCRYPTED, FAILED }

    void text(String location, String text);

    void unscannable(String location, String why, Cause cause);
}
