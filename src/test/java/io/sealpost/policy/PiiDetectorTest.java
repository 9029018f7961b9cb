package io.sealpost.policy;

import static io.sealpost.policy.Packs.evidence;
import static io.sealpost.policy.Packs.finds;
import static io.sealpost.policy.Packs.findsNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiDetectorTest {

    private final Detector pii = Packs.pack("pii");

    @Test
    void evidenceIsMasked() {
        assertEquals(List.of("ITIN ***-**-1234"), evidence(pii, "ITIN 912-70-1234"));
        assertEquals(List.of("passport *****6789"), evidence(pii, "Passport No. 123456789"));
        assertEquals(List.of("DOB **/**/****"), evidence(pii, "DOB: 07/04/1976"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "912-94-1234", "ITIN 912 70 1234", "taxpayer identification 912701234",
        "passport number C12345678", "her passport: 123456789",
        "date of birth 1976-07-04", "born on July 4, 1976", "D.O.B. 4 July 1976", "DOB 07/04/76",
    })
    void identifiers(String text) {
        finds(pii, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "912-93-1234", "912-89-1234", "912-49-1234",   // groups outside the ITIN ranges
        "ref 912701234",                                // unseparated without context
        "tracking 123456789",                           // passport-like without context
        "passport renewal costs 130 dollars",
        "Meeting moved to 1943-12-26 at 10:30",         // date without context
        "DOB 2024-02-30", "DOB 13/45/1980",             // not dates
        "Born on 2999-01-01",                           // in the future
        "Version 3.11.4 released 2024-05-02",
    })
    void notIdentifiers(String text) {
        findsNothing(pii, text);
    }
}
