package dev.hookline.store;

import java.util.List;
import javax.sql.DataSource;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The ordered-lines property on H2, the embedded default, in memory. */
class OrderedLinesTest extends OrderedLinesProperty {

    private static JdbcDataSource database;

    @BeforeContainer
    static void createSchema() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:ordered-lines;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        Flyway.configure(OrderedLinesTest.class.getClassLoader())
                .dataSource(database)
                .table(SchemaMigrations.HISTORY)
                .resourceProvider(new MigrationScripts(OrderedLinesTest.class.getClassLoader(),
                        MigrationScripts.STANDARD))
                .javaMigrationClassProvider(List::of)
                .load()
                .migrate();
    }

    @Override
    DataSource database() {
        return database;
    }
}
