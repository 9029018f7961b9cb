package io.sealpost.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pack selection, custom packs from the config directory, and configuration errors. */
class PolicyPacksTest {

    @TempDir
    Path config;

    @BeforeEach
    void copyShippedPolicies() throws IOException {
        Path shipped = Path.of("config/policies");
        try (var files = Files.walk(shipped)) {
            for (Path file : files.toList()) {
                Path target = config.resolve("policies").resolve(shipped.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private List<Detector> packs(String... keysAndValues) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("sealpost.config-dir", config.toString()));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return PolicyPacks.fromSettings(Settings.of(settings));
    }

    private void custom(String id, String properties) throws IOException {
        Files.writeString(config.resolve("policies/custom/" + id + ".properties"), properties);
    }

    @Test
    void allBuiltInPacksByDefaultAndTheSampleIsNotLoaded() {
        assertEquals(PolicyPacks.BUILT_IN, packs().stream().map(Detector::pack).toList());
    }

    @Test
    void selectedPacksOnly() {
        assertEquals(List.of("pci", "ssn"), packs("sealpost.policy.packs", "pci, ssn").stream().map(Detector::pack).toList());
    }

    @Test
    void customLexiconPackWithWeightsAndThreshold() throws IOException {
        custom("deals", "lexicon.terms=project orion:3, merger agreement:2, term sheet:1\nlexicon.threshold=5\n");
        Detector deals = packs("sealpost.policy.packs", "deals").get(0);
        assertEquals("deals", deals.pack());
        assertEquals(List.of(), deals.detect("Project Orion kickoff; term sheet attached"));
        assertEquals(List.of("keywords project orion, merger agreement (score 5)"),
                Packs.evidence(deals, "The Project\nOrion merger agreement is final."));
    }

    @Test
    void customPatternPackWithContextAndValidator() throws IOException {
        custom("staff", "pattern.employee-id.regex=\\\\bEMP-[0-9]{7}\\\\b\n"
                + "pattern.employee-id.context=employee, badge\npattern.employee-id.validator=luhn\n");
        Detector staff = packs().get(5);
        assertEquals("staff", staff.pack());
        assertEquals(List.of("employee-id ******4566"), Packs.evidence(staff, "Employee EMP-1234566 badge"));
        assertEquals(List.of(), staff.detect("Employee EMP-1234565"));   // fails Luhn
        assertEquals(List.of(), staff.detect("Catalogue EMP-1234566"));  // no context word
    }

    @Test
    void customContextWordsAreLiteralText() throws IOException {
        custom("staff", "pattern.employee-id.regex=\\\\bEMP-[0-9]{7}\\\\b\n"
                + "pattern.employee-id.context=emp.no, (badge)\n");
        Detector staff = packs().get(5);
        assertEquals(List.of("employee-id ******4566"), Packs.evidence(staff, "EMP.NO EMP-1234566"));
        assertEquals(List.of("employee-id ******4566"), Packs.evidence(staff, "EMP-1234566 (Badge)"));
        assertEquals(List.of(), staff.detect("empxno EMP-1234566"));  // the dot is a dot
        assertEquals(List.of(), staff.detect("badge EMP-1234566"));   // the brackets are brackets
    }

    @Test
    void configurationErrorsNameTheSettingOrFile() throws IOException {
        assertMessage(() -> packs("sealpost.policy.packs", "ssn, nope"), "sealpost.policy.packs", "nope");
        custom("broken", "pattern.x.regex=([unclosed\n");
        assertMessage(() -> packs(), "broken.properties", "pattern.x.regex");
        Files.delete(config.resolve("policies/custom/broken.properties"));
        custom("bad-validator", "pattern.x.regex=[0-9]+\npattern.x.validator=crc\n");
        assertMessage(() -> packs(), "bad-validator.properties", "pattern.x.validator");
        Files.delete(config.resolve("policies/custom/bad-validator.properties"));
        Files.delete(config.resolve("policies/hipaa/drugs.txt"));
        assertMessage(() -> packs(), "drugs.txt");
        assertMessage(() -> ContentPolicy.fromSettings(Settings.of(Map.of("sealpost.policy.unscannable.encrypted", "ignore"))),
                "sealpost.policy.unscannable.encrypted");
        assertMessage(() -> ContentPolicy.fromSettings(Settings.of(Map.of("sealpost.policy.limit.parse-time", "soon"))),
                "sealpost.policy.limit.parse-time");
    }

    private static void assertMessage(Runnable action, String... fragments) {
        SettingException e = assertThrows(SettingException.class, action::run);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
