package io.sealpost.policy;

/** A part that could not be scanned: where ({@code body}, {@code attachment:NAME}) and why. */
public record Unscannable(String location, String why) {
}
