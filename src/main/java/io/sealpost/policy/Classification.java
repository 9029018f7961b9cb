package io.sealpost.policy;

import java.util.List;

/** Whether a message must be protected, and every reason from every trigger. */
public record Classification(boolean protect, List<Reason> reasons, List<Unscannable> unscannable) {

    public Classification {
        reasons = List.copyOf(reasons);
        unscannable = List.copyOf(unscannable);
    }
}
