package io.sealpost.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Pack {@code pii}: other personal identifiers. ITIN (9xx, group 50-65, 70-88, 90-92, 94-99;
 * dashed on its own, otherwise with a context word), US passport number after a context word,
 * date of birth after a context word.
 */
final class PiiDetector implements Detector {

    static final String PACK = "pii";

    private static final CandidatePattern ITIN = new CandidatePattern(CandidatePattern.Start.NUMBER,
            "9(?<!\\d9)(?<!\\d[- ]9)\\d{2}([- ]?)(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-2]|9[4-9])\\1\\d{4}(?!\\d)(?![- ]\\d)");
    private static final ContextWords ITIN_CONTEXT = new ContextWords("itin|taxpayer\\s+identification|tax\\s+id");
    private static final ContextPattern PASSPORT = new ContextPattern("passport",
            "(?:[\\s:#.,-]+(?i:number|num|no|is))*[\\s:#.,-]+([A-Z]?\\d{8,9})(?![A-Za-z0-9])");

    @Override
    public String pack() {
        return PACK;
    }

    @Override
    public List<Hit> detect(ScanText text) {
        List<Hit> found = new ArrayList<>();
        ITIN.forEach(text, itin -> {
            if ("-".equals(itin.group(1)) || ITIN_CONTEXT.near(text, itin.start(), itin.end())) {
                found.add(new Hit(itin.start(), "ITIN " + Mask.ssn(itin.group().replaceAll("[- ]", ""))));
            }
        });
        PASSPORT.forEach(text, m -> found.add(new Hit(m.start(1), "passport " + Mask.lastFour(m.group(1)))));
        found.addAll(DateOfBirth.find(text));
        return found;
    }
}
