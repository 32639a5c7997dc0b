package dev.hookline.store;

import dev.hookline.platform.Started;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Makes an H2 store write every commit to its file before the commit returns. H2 writes a committed transaction to
 * its file only when its background writer next runs, up to {@code WRITE_DELAY} (500 ms) later: a server killed
 * within that time lost deliveries that Hookline had already acknowledged (217 of 4,211 in
 * {@code EmbeddedStoreCrashIT} before this). {@code WRITE_DELAY 0} stores each commit at once. H2 keeps the setting in
 * the database; it is set again at every start, since another application may have changed it. Other databases
 * commit durably on their own.
 */
@ApplicationScoped
public class H2Commits {

    private static final Logger LOG = Logger.getLogger(H2Commits.class.getName());

    @Inject
    StoreDataSource store;

    @Inject
    StoreProduct product;

    /** After the datasource is looked up and before anything is received or dispatched. */
    void writeThroughOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) Started started) {
        try (Connection connection = store.connection()) {
            if (!product.isH2(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
            LOG.info("H2 store: every commit is written to its file before a delivery is acknowledged (WRITE_DELAY 0)");
        } catch (SQLException e) {
            throw new InvalidStoreConfiguration("The H2 store cannot be made to write each commit to its file before"
                    + " it is acknowledged (SET WRITE_DELAY 0 needs an H2 admin user); point " + StoreDataSource.KEY
                    + " at a database that commits durably, such as PostgreSQL", e);
        }
    }
}
