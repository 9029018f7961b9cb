package io.sealpost;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs Sealpost again in a child JVM with a chosen temporary directory, for the one JVM setting
 * that cannot be changed once running. The child inherits the console, the JVM options and the
 * arguments; this process waits for it, passes on a shutdown, and removes the directory after.
 */
final class Relaunch {

    private Relaunch() {
    }

    static int withTempDirectory(Path parent, String[] args) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory(parent, "sealpost-scan-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Djava.io.tmpdir=" + directory);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Sealpost.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            removeQuietly(directory);
        }, "sealpost-relaunch"));
        return child.waitFor();
    }

    private static void removeQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a RAM-backed directory goes with the next reboot anyway
        }
    }
}
