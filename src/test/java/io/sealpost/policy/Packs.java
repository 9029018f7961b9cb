package io.sealpost.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.config.Settings;
import java.util.List;
import java.util.Map;

/** Test helpers: one pack as configured in config/, and assertions on what it finds. */
final class Packs {

    private Packs() {
    }

    static Detector pack(String id) {
        List<Detector> detectors = PolicyPacks.fromSettings(Settings.of(Map.of("sealpost.policy.packs", id)));
        assertEquals(1, detectors.size());
        return detectors.get(0);
    }

    static List<String> evidence(Detector detector, String text) {
        return detector.detect(text).stream().map(Hit::evidence).toList();
    }

    static void finds(Detector detector, String text) {
        assertTrue(!detector.detect(text).isEmpty(), detector.pack() + " should find something in: " + text);
    }

    static void findsNothing(Detector detector, String text) {
        assertEquals(List.of(), evidence(detector, text), detector.pack() + " should find nothing in: " + text);
    }
}
