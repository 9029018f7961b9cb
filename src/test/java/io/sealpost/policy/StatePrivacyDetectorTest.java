package io.sealpost.policy;

import static io.sealpost.policy.Packs.evidence;
import static io.sealpost.policy.Packs.finds;
import static io.sealpost.policy.Packs.findsNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatePrivacyDetectorTest {

    private final Detector state = Packs.pack("state-privacy");

    @Test
    void bankAccountWithRoutingNumberMasked() {
        assertEquals(List.of("bank account *****6789 with routing number"),
                evidence(state, "Wire to ABA 021000021, account number 123456789"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "driver's license CA F5501544",
        "Driver License: NY 123456789",
        "DL# FL E008093173424",
        "state ID WA WDL743SV9RHW",
        "driver\u2019s licence number D1234567",   // no state: some state's format, 7+ characters
        "routing 011000015 acct 000123456789",
        "Checking account 987654321, routing number 361834960",  // routing word makes up for the prefix
    })
    void identifiers(String text) {
        finds(state, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "driver's license CA 12345678",     // CA is a letter and seven digits
        "driver's license PA F5501544",     // PA is eight digits
        "driver's license renewal next week",
        "Batch 072504039 processed",        // routing-valid, no account
        "account 12345678, no routing number here",
        "routing 021000022 account 12345678", // check digit fails
        "Call (542) 665-9296, ZIP 10001-4871",
    })
    void notIdentifiers(String text) {
        findsNothing(state, text);
    }
}
