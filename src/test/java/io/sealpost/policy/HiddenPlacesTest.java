package io.sealpost.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sealpost.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Places in a message that mail clients hide or show unexpectedly, where content must still be found. */
class HiddenPlacesTest {

    private final ContentPolicy policy = ContentPolicy.fromSettings(Settings.of(Map.of()));

    private ContentScan scan(String raw) throws Exception {
        return policy.scan(MessageView.parse(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "custom header        | header:X-Note | From: a@corp.example\\r\\nX-Note: SSN 536-22-8741\\r\\nSubject: hi\\r\\n\\r\\nbody\\r\\n",
            "display name         | header:To     | From: a@corp.example\\r\\nTo: \"SSN 536-22-8741\" <b@x.example>\\r\\n\\r\\nbody\\r\\n",
            "no header block      | header        | Employee SSN 536-22-8741 for payroll\\r\\nmore text\\r\\n",
            "line among headers   | header        | From: a@corp.example\\r\\nSSN 536-22-8741 follows\\r\\n\\r\\nbody\\r\\n",
            "multipart preamble   | body          | Content-Type: multipart/mixed; boundary=b\\r\\n\\r\\nSSN 536-22-8741\\r\\n--b\\r\\nContent-Type: text/plain\\r\\n\\r\\nhi\\r\\n--b--\\r\\n",
            "multipart epilogue   | body          | Content-Type: multipart/mixed; boundary=b\\r\\n\\r\\n--b\\r\\nContent-Type: text/plain\\r\\n\\r\\nhi\\r\\n--b--\\r\\nSSN 536-22-8741\\r\\n"})
    void anSsnIsFoundWhereverItHides(String place, String location, String raw) throws Exception {
        ContentScan scan = scan(raw.replace("\\r\\n", "\r\n"));
        assertTrue(scan.protect(), place);
        assertEquals(location, scan.reasons().get(0).location());
        assertEquals("***-**-8741", scan.reasons().get(0).evidence());
    }

    @Test
    void traceAndStructuralHeadersRaiseNoAlarm() throws Exception {
        ContentScan scan = scan("Received: from mx (192.0.2.1) by relay with id 536-22-8741; Tue, 1 Dec 2026\r\n"
                + "Message-ID: <4111111111111111.536-22-8741@corp.example>\r\n"
                + "DKIM-Signature: v=1; b=536-22-8741\r\nFrom: a@corp.example\r\nSubject: hello\r\n\r\nLunch?\r\n");
        assertFalse(scan.protect(), scan.toString());
    }
}
