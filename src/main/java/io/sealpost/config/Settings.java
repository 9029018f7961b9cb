package io.sealpost.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Sealpost's settings: {@code config/application.properties}, each key overridable by the
 * environment variable Camel would use for it ({@code sealpost.portal.base-url} by
 * {@code SEALPOST_PORTAL_BASE_URL}), and by explicit overrides (tests, the command line).
 * Typed getters fail with a {@link SettingException} that names the setting and the bad value,
 * so a misconfiguration stops start-up with a sentence instead of a stack trace.
 */
public final class Settings {

    public static final String DEFAULT_FILE = "config/application.properties";

    private final Map<String, String> file;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;

    private Settings(Map<String, String> file, Map<String, String> environment, Map<String, String> overrides) {
        this.file = file;
        this.environment = environment;
        this.overrides = overrides;
    }

    /**
     * Reads the properties file; at lookup, an override wins over the environment variable for
     * the key, which wins over the file.
     */
    public static Settings load(Path propertiesFile, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> fromFile = new HashMap<>();
        if (Files.isRegularFile(propertiesFile)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new SettingException("cannot read settings file " + propertiesFile + ": " + e.getMessage());
            }
            properties.stringPropertyNames().forEach(key -> fromFile.put(key, properties.getProperty(key).trim()));
        } else if (!propertiesFile.toString().equals(DEFAULT_FILE)) {
            throw new SettingException("settings file " + propertiesFile.toAbsolutePath() + " does not exist");
        }
        return new Settings(fromFile, Map.copyOf(environment), Map.copyOf(overrides));
    }

    /**
     * The installation's settings: the file named by {@code sealpost.settings-file} (override, then
     * environment, then {@value #DEFAULT_FILE}), with this process's environment over it.
     */
    public static Settings forInstallation(Map<String, String> overrides) {
        String file = overrides.getOrDefault("sealpost.settings-file",
                System.getenv().getOrDefault(environmentName("sealpost.settings-file"), DEFAULT_FILE));
        return load(Path.of(file), System.getenv(), overrides);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(Map.of(), Map.of(), Map.copyOf(values));
    }

    private String value(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            value = file.get(key);
        }
        return value == null ? null : value.trim();
    }

    /** The variable Camel's property placeholders consult for a key: upper case, '.' and '-' as '_'. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every setting from the file and the overrides, resolved, for Camel's property placeholders. */
    public Map<String, String> asMap() {
        Map<String, String> all = new HashMap<>();
        file.keySet().forEach(key -> all.put(key, value(key)));
        overrides.keySet().forEach(key -> all.put(key, value(key)));
        return all;
    }

    public String string(String key, String defaultValue) {
        String value = value(key);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    public String required(String key) {
        String value = value(key);
        if (value == null || value.isEmpty()) {
            throw new SettingException(key + " is required but not set");
        }
        return value;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        String value = value(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new SettingException(key + " = '" + value + "' is out of range " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingException(key + " = '" + value + "' is not a whole number");
        }
    }

    public long bytes(String key, long defaultValue) {
        String value = value(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        String normalized = value.toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        if (normalized.endsWith("KB") || normalized.endsWith("K")) {
            unit = 1024;
        } else if (normalized.endsWith("MB") || normalized.endsWith("M")) {
            unit = 1024 * 1024;
        } else if (normalized.endsWith("GB") || normalized.endsWith("G")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = normalized.replaceAll("[KMG]B?$", "");
        try {
            long parsed = Long.parseLong(digits) * unit;
            if (parsed <= 0) {
                throw new SettingException(key + " = '" + value + "' must be positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingException(key + " = '" + value + "' is not a size (examples: 25MB, 512KB, 1048576)");
        }
    }

    /** A positive ISO-8601 duration ({@code PT10M}) or a number with a unit: {@code 30s}, {@code 10m}, {@code 12h}, {@code 30d}. */
    public Duration duration(String key, Duration defaultValue) {
        String value = value(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        Duration parsed;
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                parsed = switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new SettingException(key + " = '" + value + "' is not a duration (examples: 30s, 10m, 12h, 30d, PT10M)");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new SettingException(key + " = '" + value + "' must be longer than zero");
        }
        return parsed;
    }

    /** A comma-separated list of durations, each as {@link #duration} takes it. */
    public List<Duration> durations(String key, List<Duration> defaultValue) {
        List<String> items = list(key, null);
        if (items == null || items.isEmpty()) {
            return defaultValue;
        }
        return items.stream().map(item -> Settings.of(Map.of(key, item)).duration(key, null)).toList();
    }

    public boolean bool(String key, boolean defaultValue) {
        String value = value(key);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new SettingException(key + " = '" + value + "' is not true or false");
        };
    }

    /** Comma-separated values, blanks dropped. */
    public List<String> list(String key, List<String> defaultValue) {
        String value = value(key);
        if (value == null) {
            return defaultValue;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One of the given words, compared case-insensitively; the error lists the choices. */
    public String choice(String key, String defaultValue, String... choices) {
        String value = string(key, defaultValue).toLowerCase(Locale.ROOT);
        for (String choice : choices) {
            if (choice.equals(value)) {
                return choice;
            }
        }
        throw new SettingException(key + " = '" + value + "' is not one of " + String.join(", ", choices));
    }

    /** Every setting whose key starts with the prefix, keyed by the rest of the key. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new java.util.TreeMap<>();
        asMap().forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    public Path path(String key, String defaultValue) {
        return Path.of(string(key, defaultValue));
    }
}
