package dev.hookline.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The ordered-lines property on MariaDB: InnoDB's locks, {@code SKIP LOCKED} and the dialect's line places. */
class OrderedLinesMariaDbIT extends OrderedLinesProperty {

    private static DataSource database;

    @BeforeContainer
    static void createSchema() throws SQLException {
        database = MariaDbTestDatabase.create("hookline_ordered_lines");
    }

    @Override
    DataSource database() {
        return database;
    }
}
