package io.sealpost;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import io.sealpost.delivery.DeliveryStatusNotice;
import io.sealpost.delivery.ForceTlsDomains;
import io.sealpost.delivery.RelayComponent;
import io.sealpost.delivery.UndeliveredRecipients;
import io.sealpost.notify.Notifier;
import io.sealpost.notify.Templates;
import io.sealpost.policy.Classifier;
import io.sealpost.policy.ProtectionTriggers;
import io.sealpost.portal.Portal;
import io.sealpost.portal.PortalHeaders;
import io.sealpost.portal.PortalJetty;
import io.sealpost.seal.SealAndStore;
import io.sealpost.seal.SealedMessages;
import io.sealpost.seal.Sealer;
import io.sealpost.smtp.AllowedNetworks;
import io.sealpost.smtp.SmtpServerComponent;
import io.sealpost.spool.SpoolComponent;
import io.sealpost.store.Database;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.main.Main;

/** The components and beans the route files refer to by name, built from the settings. */
final class Components {

    private final Settings settings;
    private final Database database;
    private final Sealer sealer;

    Components(Settings settings, Database database, Sealer sealer) {
        this.settings = settings;
        this.database = database;
        this.sealer = sealer;
    }

    /**
     * Reads every setting the route files use, so a bad value stops start-up with a sentence
     * naming it rather than a route failing later.
     */
    void checkRouteSettings() {
        settings.integer("sealpost.smtp.port", 2525, 0, 65535);
        settings.integer("sealpost.portal.port", 8080, 0, 65535);
        settings.bytes("sealpost.smtp.max-message-size", 25L * 1024 * 1024);
        settings.integer("sealpost.smtp.max-recipients", 100, 1, 100_000);
        settings.integer("sealpost.spool.workers", 4, 1, 256);
        settings.integer("sealpost.forcetls.max-attempts", 5, 1, 1000);
        settings.duration("sealpost.seal.expiry-check", Duration.ofHours(1));
        AllowedNetworks.parse("sealpost.smtp.allowed-networks", settings.string("sealpost.smtp.allowed-networks", "127.0.0.0/8"));
        for (String key : List.of("sealpost.relay.uri", "sealpost.forcetls.uri")) {
            String target = settings.string(key, "outbox");
            if (!target.startsWith("{{") && !RelayComponent.isTarget(target)) {
                throw new SettingException(key + " = '" + target + "' is not one of: outbox, file:DIRECTORY, smtp://host:port");
            }
        }
        String baseUrl = settings.string("sealpost.portal.base-url", "http://localhost:8080");
        if (!baseUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new SettingException("sealpost.portal.base-url = '" + baseUrl + "' is not an http(s) URL");
        }
    }

    void bindTo(Main main) {
        Path dataDir = settings.path("sealpost.data-dir", "data");
        Path configDir = settings.path("sealpost.config-dir", "config");
        main.bind("smtp-server", new SmtpServerComponent());
        List<Duration> retryDelays = settings.durations("sealpost.spool.retry-delays", List.of(Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)));
        main.bind("spool", new SpoolComponent(database, sealer, retryDelays, instanceId()));
        main.bind("relay", new RelayComponent(dataDir.resolve("outbox"), forceTlsContext(), heloName()));
        main.bind("undeliveredRecipients", new UndeliveredRecipients(SpoolComponent.maxAttempts(retryDelays)));
        main.bind("deliveryStatusNotice", new DeliveryStatusNotice(settings.string("sealpost.smtp.host-name", "localhost")));
        main.bind("triggers", new ProtectionTriggers(Classifier.fromSettings(settings)));
        main.bind("forceTls", ForceTlsDomains.load(configDir.resolve(settings.string("sealpost.forcetls.domains-file", "forcetls-domains.txt"))));
        main.bind("sealAndStore", SealAndStore.fromSettings(settings, database, sealer));
        SealedMessages sealedMessages = new SealedMessages(database, sealer);
        main.bind("sealedMessages", sealedMessages);
        Templates templates = new Templates(configDir.resolve("templates"));
        Notifier notifier = new Notifier(settings, templates);
        main.bind("notifier", notifier);
        main.bind("portal", Portal.fromSettings(settings, database, sealedMessages, templates, notifier));
        main.bind("portalHeaders", new PortalHeaders());
        main.bind("jetty", PortalJetty.component(templates));
    }

    private String heloName() {
        String configured = settings.string("sealpost.smtp.host-name", null);
        if (configured != null) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String instanceId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Trust for ForceTLS hops: a configured trust store, or the JVM's default CAs. */
    private SSLContext forceTlsContext() {
        String path = settings.string("sealpost.forcetls.truststore", null);
        try {
            if (path == null) {
                return SSLContext.getDefault();
            }
            KeyStore trustStore = KeyStore.getInstance(path.endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                trustStore.load(in, settings.string("sealpost.forcetls.truststore-password", "").toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new SettingException("sealpost.forcetls.truststore = '" + path + "' cannot be loaded: " + e.getMessage());
        }
    }
}
