package io.sealpost;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import io.sealpost.policy.ClassifyCommand;
import io.sealpost.policy.ScanTempDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line: with no arguments, runs the gateway from the current directory's
 * {@code routes/} and {@code config/}; {@code classify FILE_OR_DIR...} prints the protection
 * decision for .eml files without running anything.
 */
public final class Sealpost {

    private Sealpost() {
    }


    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("classify")) {
            System.exit(ClassifyCommand.run(arguments.subList(1, arguments.size()), System.out, System.err));
        }
        if (!arguments.isEmpty()) {
            System.err.println("usage: java -jar sealpost.jar              run the gateway");
            System.err.println("       java -jar sealpost.jar classify FILE_OR_DIR...   explain the decision for .eml files");
            System.exit(2);
        }
        try {
            Path scanDirectory = ScanTempDirectory.of(Settings.forInstallation(Map.of()));
            if (!ScanTempDirectory.inUse(scanDirectory)) {
                System.exit(Relaunch.withTempDirectory(scanDirectory, args));
            }
            SealpostApplication application = SealpostApplication.start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(application::stop, "sealpost-shutdown"));
            application.awaitStop();
        } catch (SettingException e) {
            System.err.println("sealpost: configuration error: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException | IOException e) {
            System.err.println("sealpost: cannot start: " + SettingException.rootMessage(e));
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
