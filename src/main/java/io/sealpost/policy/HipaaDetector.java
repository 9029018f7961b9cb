package io.sealpost.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pack {@code hipaa}: protected health information. A health identifier counts on its own
 * (Medicare MBI in CMS format, NPI with its check digit and a context word, DEA registration with
 * its check digit and a context word); a personal identifier (date of birth, medical record
 * number, member id, SSN) counts together with a health term nearby: a diagnosis or drug from
 * the editable lexicons, or an ICD-10 code.
 */
final class HipaaDetector implements Detector {

    static final String PACK = "hipaa";

    /** How far (characters, either side) a health term may be from a personal identifier. */
    private static final int PROXIMITY = 400;

    /** CMS MBI: C A AN N - A AN N - A A N N, letters without S, L, O, I, B, Z; dashes both or neither. */
    private static final String MBI_ALPHA = "[AC-HJKMNP-RT-Y]";
    private static final Pattern MBI = Pattern.compile("(?<![A-Za-z0-9])[1-9]" + MBI_ALPHA + "[AC-HJKMNP-RT-Y0-9]\\d(-?)"
            + MBI_ALPHA + "[AC-HJKMNP-RT-Y0-9]\\d\\1" + MBI_ALPHA + "{2}\\d{2}(?![A-Za-z0-9])");
    private static final Pattern NPI = Pattern.compile("(?<!\\d)[12]\\d{9}(?!\\d)");
    private static final ContextWords NPI_CONTEXT =
            new ContextWords("npi|national\\s+provider|provider\\s+(?:id|number|no)|prescriber");
    private static final Pattern DEA = Pattern.compile("(?<![A-Za-z0-9])[ABCDEFGHJKLMPRSTUX][A-Z9]\\d{7}(?![A-Za-z0-9])");
    private static final ContextWords DEA_CONTEXT = new ContextWords("dea");

    private static final String FILLER = "(?:[\\s:#.,-]+(?i:number|num|no|id|is))*[\\s:#.,-]+";
    private static final Pattern MRN = Pattern.compile(ContextWords.word("mrn|medical\\s+record|patient\\s+(?:id|number)|chart")
            + FILLER + "([A-Z]{0,3}\\d{5,12})(?![A-Za-z0-9])");
    private static final Pattern MEMBER_ID = Pattern.compile(
            ContextWords.word("member|subscriber|beneficiary|insurance|health\\s+plan") + FILLER
                    + "((?=[A-Z]{0,4}\\d)[A-Z0-9]{6,15})(?![A-Za-z0-9])");
    private static final Pattern ICD10 = Pattern.compile(ContextWords.word("icd(?:-?1?0?)(?:-cm)?|diagnosis\\s+code|dx")
            + "[\\s:#-]*[A-TV-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{1,4})?(?![A-Za-z0-9])");

    private final Lexicon healthTerms;
    private final SsnDetector ssn = new SsnDetector();

    HipaaDetector(Lexicon healthTerms) {
        this.healthTerms = healthTerms;
    }

    @Override
    public String pack() {
        return PACK;
    }

    @Override
    public List<Hit> detect(String text) {
        List<Hit> found = new ArrayList<>();
        healthIdentifiers(text, found);
        personalIdentifiersWithHealthTerms(text, found);
        return found;
    }

    private static void healthIdentifiers(String text, List<Hit> found) {
        Matcher m = MBI.matcher(text);
        while (m.find()) {
            found.add(new Hit(m.start(), "MBI " + Mask.lastFour(m.group())));
        }
        m = NPI.matcher(text);
        while (m.find()) {
            if (CheckDigits.npi(m.group()) && NPI_CONTEXT.near(text, m.start(), m.end())) {
                found.add(new Hit(m.start(), "NPI " + Mask.lastFour(m.group())));
            }
        }
        m = DEA.matcher(text);
        while (m.find()) {
            if (CheckDigits.dea(m.group()) && DEA_CONTEXT.near(text, m.start(), m.end())) {
                found.add(new Hit(m.start(), "DEA " + Mask.lastFour(m.group())));
            }
        }
    }

    private void personalIdentifiersWithHealthTerms(String text, List<Hit> found) {
        List<Hit> identifiers = new ArrayList<>(DateOfBirth.find(text));
        Matcher m = MRN.matcher(text);
        while (m.find()) {
            identifiers.add(new Hit(m.start(), "MRN " + Mask.lastFour(m.group(1))));
        }
        m = MEMBER_ID.matcher(text);
        while (m.find()) {
            identifiers.add(new Hit(m.start(), "member id " + Mask.lastFour(m.group(1))));
        }
        ssn.detect(text).forEach(hit -> identifiers.add(new Hit(hit.offset(), "SSN " + hit.evidence())));
        for (Hit identifier : identifiers) {
            int from = identifier.offset() - PROXIMITY;
            int to = identifier.offset() + PROXIMITY;
            if (healthTerms.foundIn(text, from, to) || icd10In(text, from, to)) {
                found.add(new Hit(identifier.offset(), identifier.evidence() + " with health information"));
            }
        }
    }

    private static boolean icd10In(String text, int from, int to) {
        return ICD10.matcher(text).useTransparentBounds(true)
                .region(Math.max(0, from), Math.min(text.length(), to)).find();
    }
}
