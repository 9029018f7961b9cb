package io.sealpost.policy;

import io.sealpost.testing.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ClassifyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void eml(String relative, jakarta.mail.internet.MimeMessage message) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        try (var stream = Files.newOutputStream(file)) {
            message.writeTo(stream);
        }
    }

    @Test
    void printsOneJsonLinePerMessageFromDirectoriesRecursively() throws Exception {
        eml("a/ssn.eml", Fixtures.message("payroll", "SSN 536-22-8124"));
        eml("a/b/clean.eml", Fixtures.message("lunch", "noon?"));
        eml("a/b/locked.eml", Fixtures.withAttachment("locked.pdf", "application/pdf", Fixtures.pdf("x", "pw")));
        Files.writeString(dir.resolve("a/notes.txt"), "not a message");

        assertEquals(0, run(dir.resolve("a").toString()));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode clean = json.readTree(lines.get(0));
        assertTrue(clean.get("file").asText().endsWith("clean.eml"));
        assertFalse(clean.get("protect").asBoolean());
        JsonNode locked = json.readTree(lines.get(1));
        assertEquals("attachment:locked.pdf", locked.get("unscannable").get(0).get("location").asText());
        JsonNode ssn = json.readTree(lines.get(2));
        assertTrue(ssn.get("protect").asBoolean());
        assertEquals("{\"trigger\":\"content\",\"policy\":\"ssn\",\"location\":\"body\",\"evidence\":\"***-**-8124\"}",
                ssn.get("reasons").get(0).toString());
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("536-22-8124"));
    }

    @Test
    void policyIsOmittedForSubjectAndHeaderReasons() throws Exception {
        eml("s.eml", Fixtures.message("[secure] hello", "nothing"));
        assertEquals(0, run(dir.resolve("s.eml").toString()));
        assertEquals("{\"trigger\":\"subject\",\"location\":\"subject\",\"evidence\":\"[secure]\"}",
                new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("reasons").get(0).toString());
    }

    @Test
    void missingInputIsAOneLineErrorAndExitTwoAndTheRestIsStillClassified() throws Exception {
        eml("ok.eml", Fixtures.message("payroll", "SSN 536-22-8124"));
        assertEquals(2, run(dir.resolve("missing.eml").toString(), dir.resolve("ok.eml").toString()));
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count());
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("missing.eml"));
    }
}
