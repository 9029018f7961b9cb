package io.sealpost.policy;

import io.sealpost.config.SettingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Pack {@code state-privacy}: identifiers US state privacy laws name. A driver's licence or state
 * ID number after a context word, matching the format of the state given with it (formats are an
 * editable file) or, without a state, some state's format and at least seven characters; a bank
 * account number (after an account word) together with a routing number nearby: nine digits with
 * a valid ABA check digit and either a Federal Reserve prefix or a routing word next to them.
 */
final class StatePrivacyDetector implements Detector {

    static final String PACK = "state-privacy";

    private static final int MIN_LENGTH_WITHOUT_STATE = 7;
    private static final int ROUTING_PROXIMITY = 200;

    private static final String FILLER = "(?:[\\s:#.,-]+(?i:number|num|no|is|card))*[\\s:#.,-]+";
    private static final ContextPattern LICENCE = new ContextPattern(
            "driver['\u2019]?s?\\s+licen[cs]e|driving\\s+licen[cs]e|drivers?\\s+lic\\.?|dl|dln|state\\s+id|state\\s+identification",
            FILLER + "(?:(?<state>[A-Z]{2})[\\s:#.,-]+)?(?<id>[A-Z0-9]{4,20})(?![A-Za-z0-9])");
    private static final CandidatePattern ROUTING = new CandidatePattern(CandidatePattern.Start.NUMBER, "\\d(?<!\\d\\d)\\d{8}(?!\\d)");
    private static final ContextWords ROUTING_CONTEXT = new ContextWords("routing|aba|rtn|transit");
    private static final ContextPattern ACCOUNT = new ContextPattern("account|acct|a/c|checking|savings",
            FILLER + "(\\d{4,17})(?!\\d)");

    private final Map<String, Pattern> licenceFormats;

    StatePrivacyDetector(Map<String, Pattern> licenceFormats) {
        this.licenceFormats = Map.copyOf(licenceFormats);
    }

    /** Reads {@code STATE = regular expression} lines (the whole number must match). */
    static Map<String, Pattern> loadLicenceFormats(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingException("cannot read driver's licence formats " + file + ": " + e.getMessage());
        }
        Map<String, Pattern> formats = new TreeMap<>();
        for (String state : properties.stringPropertyNames()) {
            try {
                formats.put(state.trim(), Pattern.compile(properties.getProperty(state).trim()));
            } catch (PatternSyntaxException e) {
                throw new SettingException(file + ": " + state + " has a bad regular expression: " + e.getDescription());
            }
        }
        return formats;
    }

    @Override
    public String pack() {
        return PACK;
    }

    @Override
    public List<Hit> detect(ScanText text) {
        List<Hit> found = new ArrayList<>();
        LICENCE.forEach(text, m -> {
            if (licenceNumber(m.group("state"), m.group("id"))) {
                found.add(new Hit(m.start("id"), "driver's licence " + Mask.lastFour(m.group("id"))));
            }
        });
        bankAccounts(text, found);
        return found;
    }

    private boolean licenceNumber(String state, String id) {
        if (id.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        if (state != null && licenceFormats.containsKey(state)) {
            return licenceFormats.get(state).matcher(id).matches();
        }
        return id.length() >= MIN_LENGTH_WITHOUT_STATE
                && licenceFormats.values().stream().anyMatch(format -> format.matcher(id).matches());
    }

    /** 00-12 (banks), 21-32 (thrifts), 61-72 (electronic), 80 (traveller's cheques). */
    private static boolean federalReservePrefix(String routing) {
        int prefix = Integer.parseInt(routing.substring(0, 2));
        return prefix <= 12 || prefix >= 21 && prefix <= 32 || prefix >= 61 && prefix <= 72 || prefix == 80;
    }

    /**
     * Whether a routing number other than the account number itself starts within
     * {@link #ROUTING_PROXIMITY} of it. The offsets are ascending, so this is a binary search:
     * comparing every account with every routing number grew with the square of the text.
     */
    private static boolean routingNumberNear(int[] routing, int account) {
        int found = Arrays.binarySearch(routing, account - ROUTING_PROXIMITY);
        for (int i = found < 0 ? -found - 1 : found; i < routing.length && routing[i] <= account + ROUTING_PROXIMITY; i++) {
            if (routing[i] != account) {
                return true;
            }
        }
        return false;
    }

    private static void bankAccounts(ScanText text, List<Hit> found) {
        List<Integer> routingNumbers = new ArrayList<>();
        ROUTING.forEach(text, routing -> {
            if (CheckDigits.aba(routing.group())
                    && (federalReservePrefix(routing.group()) || ROUTING_CONTEXT.near(text, routing.start(), routing.end()))) {
                routingNumbers.add(routing.start());
            }
        });
        if (routingNumbers.isEmpty()) {
            return;
        }
        int[] routing = routingNumbers.stream().mapToInt(Integer::intValue).toArray();
        ACCOUNT.forEach(text, m -> {
            int account = m.start(1);
            if (routingNumberNear(routing, account)) {
                found.add(new Hit(account, "bank account " + Mask.lastFour(m.group(1)) + " with routing number"));
            }
        });
    }
}
