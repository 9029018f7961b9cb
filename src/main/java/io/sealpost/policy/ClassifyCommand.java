package io.sealpost.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code sealpost classify FILE|DIR...}: classifies {@code .eml} files (directories searched
 * recursively) and prints one JSON object per message per line. Exit status 0, or 2 when an
 * input could not be read (the others are still classified).
 */
public final class ClassifyCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifyCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Classifier classifier;
        try {
            classifier = Classifier.fromSettings(Settings.forInstallation(Map.of()));
        } catch (SettingException e) {
            err.println("classify: " + e.getMessage());
            return 2;
        }
        if (args.isEmpty()) {
            err.println("usage: classify FILE.eml|DIRECTORY...");
            return 2;
        }
        int status = 0;
        for (String arg : args) {
            for (Path file : emlFiles(Path.of(arg), err)) {
                status = Math.max(status, classify(file, classifier, out, err));
            }
            if (!Files.exists(Path.of(arg))) {
                status = 2;
            }
        }
        return status;
    }

    private static List<Path> emlFiles(Path path, PrintStream err) {
        if (!Files.isDirectory(path)) {
            if (!Files.exists(path)) {
                err.println("classify: " + path + ": no such file or directory");
                return List.of();
            }
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().toLowerCase().endsWith(".eml"))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("classify: " + path + ": cannot list: " + e.getMessage());
            return List.of();
        }
    }

    private static int classify(Path file, Classifier classifier, PrintStream out, PrintStream err) {
        Classification result;
        try (InputStream in = Files.newInputStream(file)) {
            result = classifier.classify(MessageView.parse(in));
        } catch (IOException | MessagingException e) {
            err.println("classify: " + file + ": cannot read: " + e.getMessage());
            return 2;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("protect", result.protect());
        List<Map<String, String>> reasons = new ArrayList<>();
        for (Reason reason : result.reasons()) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("trigger", reason.trigger());
            if (reason.policy() != null) {
                r.put("policy", reason.policy());
            }
            r.put("location", reason.location());
            r.put("evidence", reason.evidence());
            reasons.add(r);
        }
        line.put("reasons", reasons);
        line.put("unscannable", result.unscannable().stream()
                .map(u -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("location", u.location());
                    entry.put("why", u.why());
                    return entry;
                }).toList());
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (IOException e) {
            err.println("classify: " + file + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
