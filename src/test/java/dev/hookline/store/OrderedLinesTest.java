package dev.hookline.store;

import javax.sql.DataSource;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.h2.jdbcx.JdbcDataSource;

/** The ordered-lines property on H2, the embedded default, in memory. */
class OrderedLinesTest extends OrderedLinesProperty {

    private static JdbcDataSource database;

    @BeforeContainer
    static void createSchema() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:ordered-lines;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        TestMigrations.migrate(database, MigrationScripts.STANDARD);
    }

    @Override
    DataSource database() {
        return database;
    }
}
