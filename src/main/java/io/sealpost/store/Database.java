package io.sealpost.store;

import io.sealpost.config.SettingException;
import io.sealpost.config.Settings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The one database: H2 in a file under the data directory by default, PostgreSQL (or any JDBC
 * URL) through {@code sealpost.db.url}. Entities register themselves by being listed here.
 */
public final class Database implements AutoCloseable {

    private static final List<Class<?>> ENTITIES = List.of(
            SpoolEntry.class, SealedMessage.class, RecipientAccess.class,
            OneTimeCode.class, PortalSession.class, AuditEvent.class);

    private final EntityManagerFactory factory;
    /**
     * An H2 file database commits to memory: its store reaches the file about once a second and
     * is fsynced only when it closes, so a crash loses what the last second committed. Commits
     * that must survive one are followed by {@code CHECKPOINT SYNC} (write the store, then fsync).
     * PostgreSQL's commit already waits for its WAL fsync.
     */
    private final boolean commitsNeedSync;

    private Database(EntityManagerFactory factory, boolean commitsNeedSync) {
        this.factory = factory;
        this.commitsNeedSync = commitsNeedSync;
    }

    public static Database fromSettings(Settings settings) {
        String dataDir = settings.path("sealpost.data-dir", "data").toAbsolutePath().toString();
        // LOBs up to 16 KB (most spooled mail) live in their row: H2's separate LOB store made each
        // insert, claim (an update copies the row) and delete about twice as expensive
        String url = settings.string("sealpost.db.url",
                "jdbc:h2:file:" + dataDir + "/sealpost;DB_CLOSE_ON_EXIT=FALSE;MAX_LENGTH_INPLACE_LOB=16384");
        if (!url.startsWith("jdbc:")) {
            throw new SettingException("sealpost.db.url = '" + url + "' is not a JDBC URL (jdbc:h2:..., jdbc:postgresql:...)");
        }
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("sealpost")
                .jdbcUrl(url)
                .jdbcCredentials(settings.string("sealpost.db.user", "sa"), settings.string("sealpost.db.password", ""))
                .property("hibernate.hbm2ddl.auto", "update")
                .property("hibernate.hikari.maximumPoolSize", String.valueOf(settings.integer("sealpost.db.pool-size", 16, 2, 500)))
                .property("hibernate.jdbc.batch_size", "64")
                .property("hibernate.order_inserts", "true");
        ENTITIES.forEach(configuration::managedClass);
        try {
            return new Database(configuration.createEntityManagerFactory(),
                    url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:"));
        } catch (RuntimeException e) {
            throw new SettingException("cannot open the database at sealpost.db.url = '" + url + "': " + SettingException.rootMessage(e));
        }
    }


    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    /** Like {@link #run}, and returns only once the commit is on disk (fsynced), whatever the database. */
    public void runDurably(Consumer<EntityManager> work) {
        run(work);
        if (commitsNeedSync) {
            run(entityManager -> entityManager.createNativeQuery("CHECKPOINT SYNC").executeUpdate());
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
