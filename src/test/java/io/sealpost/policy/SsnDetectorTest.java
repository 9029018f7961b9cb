package io.sealpost.policy;

import static io.sealpost.policy.Packs.evidence;
import static io.sealpost.policy.Packs.finds;
import static io.sealpost.policy.Packs.findsNothing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsnDetectorTest {

    private final Detector ssn = Packs.pack("ssn");

    @Test
    void dashedNumberIsFoundAndMasked() {
        assertEquals(List.of("***-**-8124"), evidence(ssn, "Employee 536-22-8124 starts Monday"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SSN 536228124 on file",
        "Social Security Number: 536 22 8124",
        "soc. sec. 536228124",
        "ssn# 536 22 8124",
        "536228124 is her SSN",
        "SSN:536-22-8124",
    })
    void withContext(String text) {
        finds(ssn, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Invoice 536228124 is due",          // unseparated without context
        "Room 536 22 8124",                  // spaced without context
        "SSN 000-22-8124", "SSN 666-22-8124", "SSN 900-22-8124", "SSN 999-22-8124", // never-issued areas
        "SSN 536-00-8124", "SSN 536-22-0000", // group 00, serial 0000
        "SSN 078-05-1120", "SSN 219-09-9999", "SSN 123-45-6789", "SSN 111-11-1111", // samples
        "SSN 536-22 8124", "SSN 536 22-8124", // mixed separators
        "SSN 1536228124", "SSN 5362281245", "ref 12-536-22-8124", "ref 536-22-8124-7", // inside longer runs
        "Call 555-867-5309 or (212) 555-0187", // phone numbers
        "Springfield, IL 62704-9376",          // ZIP+4
        "Released 2024-05-02, meeting 03/16/1973",
        "ISBN 978-0-306-40615-7",
        "UUID 123e4567-e89b-12d3-a456-426614174000",
    })
    void notAnSsn(String text) {
        findsNothing(ssn, text);
    }
}
