package io.sealpost.seal;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys that wrap every data key, held in a PKCS12 keystore; each key's alias is its
 * key id, so sealed data names the key it needs and keys can rotate. The embedded default
 * generates a keystore (and a password file beside it) on first start; production supplies both.
 */
public final class MasterKeys {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private MasterKeys(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = keys;
        this.activeKeyId = activeKeyId;
    }

    public static MasterKeys fromSettings(Settings settings) {
        Path dataDir = settings.path("sealpost.data-dir", "data");
        Path keystore = settings.path("sealpost.keystore.path", dataDir.resolve("keys/master.p12").toString());
        String password = settings.string("sealpost.keystore.password", null);
        try {
            if (!Files.exists(keystore)) {
                if (!settings.bool("sealpost.keystore.generate", true)) {
                    throw new SettingException("sealpost.keystore.path = '" + keystore + "' does not exist"
                            + " (and sealpost.keystore.generate is off)");
                }
                password = password != null ? password : generatePasswordFile(keystore);
                generate(keystore, password.toCharArray());
                LOG.warn("Generated a new master keystore at {}. This is the embedded default: production must "
                        + "supply its own keystore (sealpost.keystore.path) and password (SEALPOST_KEYSTORE_PASSWORD) "
                        + "and keep them apart from the database.", keystore);
            } else if (password == null) {
                password = readPasswordFile(keystore);
            }
            return load(keystore, password.toCharArray(), settings.string("sealpost.keystore.active-key", null));
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingException("cannot open the master keystore " + keystore + ": " + e.getMessage());
        }
    }

    private static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }

    private static String generatePasswordFile(Path keystore) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(keystore.toAbsolutePath().getParent());
        Path file = passwordFile(keystore);
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        restrictToOwner(file);
        return password;
    }

    private static String readPasswordFile(Path keystore) throws IOException {
        Path file = passwordFile(keystore);
        if (!Files.exists(file)) {
            throw new SettingException("sealpost.keystore.password is not set and " + file + " does not exist");
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the directory's own protection applies
        }
    }

    private static void generate(Path path, char[] password) throws IOException, GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String keyId = "mk-" + LocalDate.now().toString().replace("-", "") + "-" + HexFormat.of().formatHex(suffix);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry(keyId, new KeyStore.SecretKeyEntry(generator.generateKey()), new KeyStore.PasswordProtection(password));
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password);
        }
        restrictToOwner(path);
    }

    private static MasterKeys load(Path path, char[] password, String configuredActive)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        Map<String, SecretKey> keys = new HashMap<>();
        String newest = null;
        Date newestDate = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.getKey(alias, password) instanceof SecretKey key) {
                keys.put(alias, key);
                Date created = store.getCreationDate(alias);
                if (newestDate == null || (created != null && created.after(newestDate))) {
                    newest = alias;
                    newestDate = created;
                }
            }
        }
        if (keys.isEmpty()) {
            throw new SettingException("the master keystore " + path + " holds no secret key");
        }
        String active = configuredActive != null ? configuredActive : newest;
        if (!keys.containsKey(active)) {
            throw new SettingException("sealpost.keystore.active-key = '" + active + "' is not in " + path);
        }
        return new MasterKeys(Map.copyOf(keys), active);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public SecretKey active() {
        return keys.get(activeKeyId);
    }

    public SecretKey byId(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("master key " + keyId + " is not in the keystore");
        }
        return key;
    }
}
