package io.sealpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path temp;

    @Test
    void environmentOverridesTheFileAndExplicitOverridesWinOverBoth() throws Exception {
        Path file = Files.writeString(temp.resolve("app.properties"),
                "sealpost.portal.base-url=http://file\nsealpost.smtp.port=2525\nsealpost.data-dir=data\n");
        Settings settings = Settings.load(file,
                Map.of("SEALPOST_PORTAL_BASE_URL", "https://env", "SEALPOST_SMTP_PORT", "2626", "SEALPOST_ROUTES_DIR", "/r"),
                Map.of("sealpost.smtp.port", "2727"));
        assertEquals("https://env", settings.string("sealpost.portal.base-url", null));
        assertEquals(2727, settings.integer("sealpost.smtp.port", 0, 1, 65535));
        assertEquals("/r", settings.string("sealpost.routes-dir", "routes"), "a key absent from the file still reads the environment");
        assertEquals("data", settings.asMap().get("sealpost.data-dir"));
    }

    @Test
    void badValuesNameTheSettingAndWhatIsExpected() {
        Settings settings = Settings.of(Map.of("sealpost.smtp.port", "abc", "sealpost.smtp.max-message-size", "lots",
                "sealpost.seal.retention", "forever", "sealpost.notify.include-subject", "maybe",
                "sealpost.portal.code-validity", "-1d"));
        assertTrue(assertThrows(SettingException.class, () -> settings.integer("sealpost.smtp.port", 1, 1, 65535))
                .getMessage().startsWith("sealpost.smtp.port = 'abc'"));
        assertTrue(assertThrows(SettingException.class, () -> settings.bytes("sealpost.smtp.max-message-size", 1))
                .getMessage().contains("sealpost.smtp.max-message-size"));
        assertTrue(assertThrows(SettingException.class, () -> settings.duration("sealpost.seal.retention", null))
                .getMessage().contains("not a duration"));
        assertTrue(assertThrows(SettingException.class, () -> settings.duration("sealpost.portal.code-validity", null))
                .getMessage().contains("must be longer than zero"));
        assertTrue(assertThrows(SettingException.class, () -> settings.bool("sealpost.notify.include-subject", false))
                .getMessage().contains("not true or false"));
    }

    @Test
    void sizesAndDurationsReadAsPeopleWriteThem() {
        Settings settings = Settings.of(Map.of("size", "25MB", "small", "512k", "delays", "30s, 5m,1h,2d,PT10M"));
        assertEquals(25L * 1024 * 1024, settings.bytes("size", 0));
        assertEquals(512L * 1024, settings.bytes("small", 0));
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(2),
                Duration.ofMinutes(10)), settings.durations("delays", List.of()));
    }

    @Test
    void aNamedSettingsFileThatIsMissingIsAnError() {
        assertThrows(SettingException.class, () -> Settings.load(temp.resolve("missing.properties"), Map.of(), Map.of()));
    }
}
