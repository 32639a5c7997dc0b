package dev.hookline.store;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The schema migrations run on a test's own database outside a server, as {@link SchemaMigrations} runs them. */
final class TestMigrations {

    private TestMigrations() {
    }

    static void migrate(DataSource database, MigrationScripts.Folder folder) {
        ClassLoader loader = TestMigrations.class.getClassLoader();
        Flyway.configure(loader)
                .dataSource(database)
                .table(SchemaMigrations.HISTORY)
                .resourceProvider(new MigrationScripts(loader, folder))
                .javaMigrationClassProvider(List::of)
                .load()
                .migrate();
    }
}
