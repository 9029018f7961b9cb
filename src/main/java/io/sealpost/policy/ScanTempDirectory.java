package io.sealpost.policy;

import io.sealpost.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where attachment extraction spools. Tika and POI copy archives and Office files to temporary
 * files to parse them, and those copies are protected content in clear; they cannot be encrypted
 * from outside the parsers, so they are kept off disk instead, in a RAM-backed directory
 * ({@code /dev/shm} by default, or {@code sealpost.scan.temp-dir}, e.g. a memory-backed volume on
 * Kubernetes). The parsers use the JVM's temporary directory, which Java 17 fixes at JVM start,
 * so the gateway is started in a JVM whose {@code java.io.tmpdir} lies there.
 */
public final class ScanTempDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ScanTempDirectory.class);
    private static final Path RAM = Path.of("/dev/shm");

    private ScanTempDirectory() {
    }

    /** The directory extraction should spool to, or the JVM's own when no RAM-backed one is known. */
    public static Path of(Settings settings) {
        String configured = settings.string("sealpost.scan.temp-dir", null);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        if (Files.isDirectory(RAM) && Files.isWritable(RAM)) {
            return RAM;
        }
        Path jvm = jvmTempDirectory();
        LOG.warn("No RAM-backed directory for attachment extraction: its temporary files go to {}, on disk. "
                + "Set sealpost.scan.temp-dir to a memory-backed directory.", jvm);
        return jvm;
    }

    public static Path jvmTempDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    }

    /** Whether this JVM's temporary files already land in the scan directory. */
    public static boolean inUse(Path scanDirectory) {
        return jvmTempDirectory().startsWith(scanDirectory);
    }
}
