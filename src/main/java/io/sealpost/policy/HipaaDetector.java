package io.sealpost.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Pack {@code hipaa}: protected health information. A health identifier counts on its own
 * (Medicare MBI in CMS format, NPI with its check digit and a context word, DEA registration with
 * its check digit and a context word); a personal identifier (date of birth, medical record
 * number, member id, SSN) counts together with a health term nearby: a diagnosis or drug from
 * the editable lexicons, or an ICD-10 code. Health terms are looked for first, and identifiers
 * only around them, so text without health terms costs one pass of the lexicon.
 */
final class HipaaDetector implements Detector {

    static final String PACK = "hipaa";

    /** How far (characters, either side) a health term may be from a personal identifier. */
    private static final int PROXIMITY = 400;
    /** Text beyond a window that identifiers may need for their context words. */
    private static final int CONTEXT_MARGIN = 64;

    /** CMS MBI: C A AN N - A AN N - A A N N, letters without S, L, O, I, B, Z; dashes both or neither. */
    private static final String MBI_ALPHA = "[AC-HJKMNP-RT-Y]";
    private static final CandidatePattern MBI = new CandidatePattern(CandidatePattern.Start.ID, "[1-9](?<![A-Za-z0-9][1-9])" + MBI_ALPHA + "[AC-HJKMNP-RT-Y0-9]\\d(-?)"
            + MBI_ALPHA + "[AC-HJKMNP-RT-Y0-9]\\d\\1" + MBI_ALPHA + "{2}\\d{2}(?![A-Za-z0-9])");
    private static final CandidatePattern NPI = new CandidatePattern(CandidatePattern.Start.NUMBER, "[12](?<!\\d[12])\\d{9}(?!\\d)");
    private static final ContextWords NPI_CONTEXT =
            new ContextWords("npi|national\\s+provider|provider\\s+(?:id|number|no)|prescriber");
    private static final CandidatePattern DEA = new CandidatePattern(CandidatePattern.Start.ID, "[ABCDEFGHJKLMPRSTUX](?<![A-Za-z0-9].)[A-Z9]\\d{7}(?![A-Za-z0-9])");
    private static final ContextWords DEA_CONTEXT = new ContextWords("dea");

    private static final String FILLER = "(?:[\\s:#.,-]+(?i:number|num|no|id|is))*[\\s:#.,-]+";
    private static final ContextPattern MRN = new ContextPattern("mrn|medical\\s+record|patient\\s+(?:id|number)|chart",
            FILLER + "([A-Z]{0,3}\\d{5,12})(?![A-Za-z0-9])");
    private static final ContextPattern MEMBER_ID = new ContextPattern("member|subscriber|beneficiary|insurance|health\\s+plan",
            FILLER + "((?=[A-Z]{0,4}\\d)[A-Z0-9]{6,15})(?![A-Za-z0-9])");
    private static final ContextPattern ICD10 = new ContextPattern("icd(?:-?1?0?)(?:-cm)?|diagnosis\\s+code|dx",
            "[\\s:#-]*[A-TV-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{1,4})?(?![A-Za-z0-9])");

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
    public List<Hit> detect(ScanText text) {
        List<Hit> found = new ArrayList<>();
        healthIdentifiers(text, found);
        personalIdentifiersWithHealthTerms(text, found);
        return found;
    }

    private static void healthIdentifiers(ScanText text, List<Hit> found) {
        MBI.forEach(text, m -> found.add(new Hit(m.start(), "MBI " + Mask.lastFour(m.group()))));
        NPI.forEach(text, m -> {
            if (CheckDigits.npi(m.group()) && NPI_CONTEXT.near(text, m.start(), m.end())) {
                found.add(new Hit(m.start(), "NPI " + Mask.lastFour(m.group())));
            }
        });
        DEA.forEach(text, m -> {
            if (CheckDigits.dea(m.group()) && DEA_CONTEXT.near(text, m.start(), m.end())) {
                found.add(new Hit(m.start(), "DEA " + Mask.lastFour(m.group())));
            }
        });
    }

    private void personalIdentifiersWithHealthTerms(ScanText text, List<Hit> found) {
        List<Integer> health = new ArrayList<>(healthTerms.offsets(text.text()));
        ICD10.forEach(text, m -> health.add(m.start()));
        health.sort(null);
        int i = 0;
        while (i < health.size()) {
            int from = Math.max(0, health.get(i) - PROXIMITY);
            int to = health.get(i) + PROXIMITY;
            while (i + 1 < health.size() && health.get(i + 1) - PROXIMITY <= to) {
                to = health.get(++i) + PROXIMITY;
            }
            i++;
            identifiersIn(text, from, Math.min(text.length(), to), found);
        }
    }

    /** Personal identifiers starting between {@code from} and {@code to}. */
    private void identifiersIn(ScanText text, int from, int to, List<Hit> found) {
        int base = Math.max(0, from - CONTEXT_MARGIN);
        ScanText window = new ScanText(text.text().substring(base, Math.min(text.length(), to + CONTEXT_MARGIN)));
        List<Hit> identifiers = new ArrayList<>(DateOfBirth.find(window));
        MRN.forEach(window, m -> identifiers.add(new Hit(m.start(), "MRN " + Mask.lastFour(m.group(1)))));
        MEMBER_ID.forEach(window, m -> identifiers.add(new Hit(m.start(), "member id " + Mask.lastFour(m.group(1)))));
        ssn.detect(window).forEach(hit -> identifiers.add(new Hit(hit.offset(), "SSN " + hit.evidence())));
        for (Hit identifier : identifiers) {
            int offset = base + identifier.offset();
            if (offset >= from && offset < to) {
                found.add(new Hit(offset, identifier.evidence() + " with health information"));
            }
        }
    }
}
