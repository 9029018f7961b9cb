package io.sealpost;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import io.sealpost.seal.MasterKeys;
import io.sealpost.seal.Sealer;
import io.sealpost.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * Wires Sealpost's components and beans into a Camel Main whose routes come from
 * {@code routes/*.yaml} and whose settings come from {@code config/application.properties},
 * both outside the jar. The route files name the beans and components bound here.
 */
public final class SealpostApplication {

    private static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    /** The two ends every flow needs; the rest of the route files are the integrator's to reshape. */
    private static final List<String> REQUIRED_ROUTES = List.of("smtp-ingress", "content-router");

    private final Main main;
    private final Database database;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SealpostApplication(Main main, Database database) {
        this.main = main;
        this.database = database;
    }

    /** Starts the gateway; {@code overrides} win over the settings file and the environment. */
    public static SealpostApplication start(Map<String, String> overrides) {
        nameMailStreamProvider();
        Settings settings = Settings.forInstallation(overrides);
        Path routes = settings.path("sealpost.routes-dir", "routes");
        if (!Files.isDirectory(routes)) {
            throw new SettingException("sealpost.routes-dir = '" + routes.toAbsolutePath()
                    + "' is not a directory (start Sealpost in its installation directory or set SEALPOST_ROUTES_DIR)");
        }
        Database database = Database.fromSettings(settings);
        Main main = new Main();
        try {
            Components components = new Components(settings, database, new Sealer(MasterKeys.fromSettings(settings)));
            components.checkRouteSettings();
            main.configure().withName("sealpost").withRoutesIncludePattern("file:" + routes.toAbsolutePath() + "/*.yaml");
            main.setOverrideProperties(new HashMap<>(settings.asMap()));
            components.bindTo(main);
            main.start();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (main.getCamelContext() == null || !main.getCamelContext().getStatus().isStarted()) {
            database.close();
            throw new SettingException("the routes in " + routes.toAbsolutePath() + " did not start; see the log above");
        }
        for (String required : REQUIRED_ROUTES) {
            if (main.getCamelContext().getRoute(required) == null) {
                main.stop();
                database.close();
                throw new SettingException("sealpost.routes-dir = '" + routes.toAbsolutePath() + "' has no route with id '"
                        + required + "'");
            }
        }
        return new SealpostApplication(main, database);
    }

    /**
     * Jakarta Mail 2.1 finds its StreamProvider anew for every message it parses, by a ServiceLoader
     * scan of every jar on the class path unless this property names the implementation. Under
     * load that scan was a fifth of a spool worker's CPU.
     */
    private static void nameMailStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public Database database() {
        return database;
    }

    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        main.stop();
        database.close();
        stopped.countDown();
    }
}
