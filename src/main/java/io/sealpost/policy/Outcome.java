package io.sealpost.policy;

import io.sealpost.config.Settings;

/** What an unscannable part does to the message: nothing (scan the rest), protect it, or reject it. */
enum Outcome {
    SCAN_REST, PROTECT, REJECT;

    static Outcome fromSettings(Settings settings, String key, Outcome defaultValue) {
        String choice = settings.choice(key, defaultValue.setting(), "scan-rest", "protect", "reject");
        return valueOf(choice.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    String setting() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
