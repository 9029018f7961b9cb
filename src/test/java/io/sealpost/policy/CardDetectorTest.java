package io.sealpost.policy;

import static io.sealpost.policy.Packs.evidence;
import static io.sealpost.policy.Packs.finds;
import static io.sealpost.policy.Packs.findsNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetectorTest {

    private final Detector pci = Packs.pack("pci");

    @Test
    void evidenceKeepsTheLastFourDigits() {
        assertEquals(List.of("************1111"), evidence(pci, "card 4111-1111-1111-1111 exp 12/29"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Visa 4111111111111111", "Visa 4111 1111 1111 1111", "Visa 4222222222222 (13 digits)",
        "MC 5555555555554444", "MC 2-series 2223 0000 4840 0011",
        "Amex 3782 822463 10005", "Amex 378282246310005",
        "Discover 6011111111111117", "JCB 3530111333300000", "Diners 3056 930902 5904",
    })
    void cardsOfEveryScheme(String text) {
        finds(pci, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "4111111111111112",                    // Luhn fails
        "Tracking 4595 3431 3381 3744",       // Luhn fails
        "Gift card 8000123456789018",          // Luhn-valid, no scheme prefix
        "Ref 1234567890123452",                // Luhn-valid, no scheme prefix
        "MC prefix at the wrong length 555555555555444",
        "ISBN 9780306406157",
        "Order 41111111111111112222",           // digits inside a longer run
        "UPS 1Z999AA10123456784, USPS 9400111899223857264837",
        "Call +1 705 817 6220",
        "UUID 123e4567-e89b-12d3-a456-426614174000",
    })
    void notCards(String text) {
        findsNothing(pci, text);
    }
}
