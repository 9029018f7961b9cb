package io.sealpost.policy;

import java.util.List;

/**
 * What the content policies found in one message. {@code protect}: a content reason, or an
 * unscannable part whose configured outcome is {@code protect}; {@code reject}: an unscannable part
 * whose configured outcome is {@code reject}.
 */
public record ContentScan(List<Reason> reasons, List<Unscannable> unscannable, boolean protect, boolean reject) {

    public ContentScan {
        reasons = List.copyOf(reasons);
        unscannable = List.copyOf(unscannable);
    }
}
