package dev.hookline.store;

import dev.hookline.platform.Started;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway when the application starts, before anything else touches the
 * store, from the folder of the database's dialect. Off with {@code hookline.schema.migrate=false}, for operators who
 * apply the scripts themselves. Either way the database must have a dialect: one without stops the deployment here.
 * Several nodes starting together are safe: Flyway serialises them with a database lock.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    /** Hookline's own history table, so that an application's Flyway on the same database is not disturbed. */
    static final String HISTORY = "hookline_schema_history";

    @Inject
    StoreDataSource store;

    @Inject
    Config config;

    @Inject
    StoreDialect dialects;

    void migrateOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Started started) {
        // A database without a dialect, or wrongly connected for its dialect, stops the deployment here with a
        // message naming it, before anything runs.
        Dialect dialect;
        try (Connection connection = store.connection()) {
            dialect = dialects.of(connection);
            dialect.checkConnection(connection);
            LOG.info("Store on " + dialect.name());
        } catch (SQLException e) {
            throw new StoreFailure("The store's database could not be reached", e);
        }
        if (!config.getOptionalValue("hookline.schema.migrate", Boolean.class).orElse(true)) {
            LOG.info("Schema migrations are off (hookline.schema.migrate=false)");
            return;
        }
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        MigrateResult result = Flyway.configure(loader)
                .dataSource(store.dataSource())
                .table(HISTORY)
                // A database whose table an earlier release created without Flyway: V1 is written to be a no-op there.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new MigrationScripts(loader, dialect.migrations()))
                .javaMigrationClassProvider(List::of)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
