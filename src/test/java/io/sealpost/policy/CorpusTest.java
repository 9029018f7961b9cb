package io.sealpost.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealpost.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs the labelled DLP corpus (the shared training set and our own extra cases) through the
 * built-in packs and reports precision and recall, per pack and for the protect decision.
 * Per pack: a hit on a line labelled with the pack is a true positive, a hit on a line that must
 * not be protected a false positive; a hit on a line protected for another pack (a date of birth
 * in a patient record is pii as well as hipaa) is counted as "also" and is no error.
 */
class CorpusTest {

    private static final Path SHARED = Path.of("../shared/corpus/dlp-train.jsonl");
    private static final Path EXTRA = Path.of("src/test/resources/corpus/extra.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Counts {
        int tp;
        int fp;
        int fn;
        int also;

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    @Test
    void corpusPrecisionAndRecall() throws IOException {
        List<Detector> detectors = PolicyPacks.fromSettings(Settings.of(Map.of()));
        List<JsonNode> lines = new ArrayList<>();
        for (Path file : List.of(SHARED, EXTRA)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        Map<String, Counts> perPack = new TreeMap<>();
        PolicyPacks.BUILT_IN.forEach(pack -> perPack.put(pack, new Counts()));
        Counts overall = new Counts();
        List<String> errors = new ArrayList<>();
        for (JsonNode line : lines) {
            String text = line.get("text").asText();
            boolean protect = line.get("protect").asBoolean();
            Set<String> labelled = new TreeSet<>();
            line.get("policies").forEach(p -> labelled.add(p.asText()));
            Set<String> fired = new TreeSet<>();
            for (Detector detector : detectors) {
                if (!detector.detect(text).isEmpty()) {
                    fired.add(detector.pack());
                }
            }
            for (Map.Entry<String, Counts> entry : perPack.entrySet()) {
                boolean hit = fired.contains(entry.getKey());
                boolean expected = labelled.contains(entry.getKey());
                Counts c = entry.getValue();
                if (hit && expected) {
                    c.tp++;
                } else if (hit && protect) {
                    c.also++;
                } else if (hit) {
                    c.fp++;
                } else if (expected) {
                    c.fn++;
                }
            }
            boolean predicted = !fired.isEmpty();
            if (predicted && protect) {
                overall.tp++;
            } else if (predicted) {
                overall.fp++;
            } else if (protect) {
                overall.fn++;
            }
            if (predicted != protect || !fired.containsAll(labelled)) {
                errors.add(line.get("kind").asText() + " expected " + labelled + " got " + fired + ": " + line.get("id").asText());
            }
        }
        System.out.printf("corpus: %d lines (%s + %s)%n", lines.size(), SHARED, EXTRA);
        System.out.printf("%-14s %6s %6s %4s %4s %4s %5s%n", "pack", "prec", "recall", "tp", "fp", "fn", "also");
        perPack.forEach((pack, c) -> System.out.printf("%-14s %6.3f %6.3f %4d %4d %4d %5d%n",
                pack, c.precision(), c.recall(), c.tp, c.fp, c.fn, c.also));
        System.out.printf("%-14s %6.3f %6.3f %4d %4d %4d%n", "overall", overall.precision(), overall.recall(),
                overall.tp, overall.fp, overall.fn);
        errors.forEach(e -> System.out.println("  miss: " + e));
        assertTrue(overall.precision() >= 0.99, "overall precision " + overall.precision());
        assertTrue(overall.recall() >= 0.99, "overall recall " + overall.recall());
        perPack.forEach((pack, c) -> {
            assertTrue(c.precision() >= 0.97, pack + " precision " + c.precision());
            assertTrue(c.recall() >= 0.97, pack + " recall " + c.recall());
        });
    }
}
