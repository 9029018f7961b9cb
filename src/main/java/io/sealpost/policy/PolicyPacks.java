package io.sealpost.policy;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The enabled packs: {@code sealpost.policy.packs} lists pack ids ({@code all}, the default,
 * selects every built-in pack and every custom pack). Lexicons and formats are read from
 * {@code <sealpost.config-dir>/policies/}; custom packs are {@code policies/custom/ID.properties}.
 */
final class PolicyPacks {

    static final String PACKS_KEY = "sealpost.policy.packs";
    static final List<String> BUILT_IN = List.of(SsnDetector.PACK, CardDetector.PACK, HipaaDetector.PACK,
            StatePrivacyDetector.PACK, PiiDetector.PACK);

    private PolicyPacks() {
    }

    static List<Detector> fromSettings(Settings settings) {
        Path policies = settings.path("sealpost.config-dir", "config").resolve("policies");
        Map<String, Path> custom = customPackFiles(policies.resolve("custom"));
        Set<String> selected = new LinkedHashSet<>(settings.list(PACKS_KEY, List.of("all")));
        if (selected.remove("all")) {
            selected.addAll(BUILT_IN);
            selected.addAll(custom.keySet());
        }
        List<Detector> detectors = new ArrayList<>();
        for (String pack : selected) {
            detectors.add(switch (pack) {
                case SsnDetector.PACK -> new SsnDetector();
                case CardDetector.PACK -> new CardDetector();
                case HipaaDetector.PACK -> new HipaaDetector(healthTerms(policies.resolve("hipaa")));
                case StatePrivacyDetector.PACK -> new StatePrivacyDetector(StatePrivacyDetector.loadLicenceFormats(
                        policies.resolve("state-privacy").resolve("driver-licence-formats.properties")));
                case PiiDetector.PACK -> new PiiDetector();
                default -> {
                    if (!custom.containsKey(pack)) {
                        throw new SettingException(PACKS_KEY + " names '" + pack + "', which is neither a built-in pack ("
                                + String.join(", ", BUILT_IN) + ") nor a file " + policies.resolve("custom").resolve(pack + ".properties"));
                    }
                    yield CustomPackDetector.load(pack, custom.get(pack));
                }
            });
        }
        return List.copyOf(detectors);
    }

    private static Lexicon healthTerms(Path hipaa) {
        List<String> terms = new ArrayList<>(Lexicon.readTerms(hipaa.resolve("diagnoses.txt")));
        terms.addAll(Lexicon.readTerms(hipaa.resolve("drugs.txt")));
        return new Lexicon(terms);
    }

    private static Map<String, Path> customPackFiles(Path directory) {
        Map<String, Path> packs = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return packs;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".properties")).forEach(file -> {
                String id = file.getFileName().toString().replaceFirst("\\.properties$", "");
                if (BUILT_IN.contains(id) || "all".equals(id)) {
                    throw new SettingException("custom policy pack " + file + " takes the reserved id '" + id + "'");
                }
                packs.put(id, file);
            });
        } catch (IOException e) {
            throw new SettingException("cannot list custom policy packs in " + directory + ": " + e.getMessage());
        }
        return packs;
    }
}
