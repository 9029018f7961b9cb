package io.sealpost.policy;

import static io.sealpost.policy.Packs.evidence;
import static io.sealpost.policy.Packs.finds;
import static io.sealpost.policy.Packs.findsNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HipaaDetectorTest {

    private final Detector hipaa = Packs.pack("hipaa");

    @Test
    void mbiOnItsOwnMasked() {
        assertEquals(List.of("MBI *******MK73"), evidence(hipaa, "Beneficiary 1EG4-TE5-MK73"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MBI 1EG4TE5MK73",
        "Prescriber NPI 1234567893",
        "DEA AB1234563 on the prescription",
        "MRN 00482913: admitted with pneumonia",
        "Member ID XJH48213307, claim for insulin glargine",
        "Date of birth: March 5, 1980. Diagnosis: type 2 diabetes.",
        "DOB 05/03/1980, ICD-10 E11.9",
        "SSN 536-22-8124, on sertraline since May",
    })
    void healthIdentifiersAndIdentifiersWithHealthTerms(String text) {
        finds(hipaa, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Our newsletter covers new research on metformin and COPD.",   // health words, no identifier
        "Flu shots on Friday; learn about hepatitis C prevention.",
        "NPI 1234567890",                                            // check digit fails
        "Order 1234567893 shipped",                                  // valid NPI digits, no context
        "DEA AB1234567",                                             // check digit fails
        "Part AB1234563 in stock",                                   // DEA-valid, no context
        "MBI 1EG4-TE5MK73",                                          // one dash only
        "MBI 1SG4TE5MK73",                                           // S is not an MBI letter
        "MRN 00482913, appointment at 10:30",                        // identifier, no health term
        "Room B20, ICD-10 training on Friday",                       // code without an identifier
        "DOB 05/03/1980 on the application form",
    })
    void notHealthInformation(String text) {
        findsNothing(hipaa, text);
    }
}
