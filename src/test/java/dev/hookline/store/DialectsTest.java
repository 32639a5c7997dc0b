package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Each database product gets its dialect, as its JDBC driver names it; one without a dialect stops the deployment
 * with a message that names it and the supported ones. Duplicates are told by each vendor's own code.
 */
class DialectsTest {

    @Test
    void theDriversProductNamesGetTheirDialects() {
        assertInstanceOf(H2Dialect.class, Dialects.of("H2"));
        assertInstanceOf(PostgresDialect.class, Dialects.of("PostgreSQL"));
        assertInstanceOf(MariaDbDialect.class, Dialects.of("MariaDB"));
    }

    @Test
    void aDatabaseWithoutADialectIsRefusedByName() {
        for (String product : new String[] {"Oracle", "Microsoft SQL Server", "DB2/LINUXX8664", "Apache Derby",
                "MySQL", null}) {
            InvalidStoreConfiguration e = assertThrows(InvalidStoreConfiguration.class, () -> Dialects.of(product));
            assertTrue(e.getMessage().contains("The store's database is " + product), e.getMessage());
            assertTrue(e.getMessage().contains("H2, PostgreSQL and MariaDB"), e.getMessage());
        }
    }

    @Test
    void duplicatesAreToldByEachVendorsOwnCode() {
        assertTrue(new PostgresDialect().isDuplicateKey(new SQLException("duplicate key", "23505")));
        assertFalse(new PostgresDialect().isDuplicateKey(new SQLException("foreign key", "23503")));
        assertTrue(new H2Dialect().isDuplicateKey(new SQLException("Unique index violated", "23505", 23505)));
        assertFalse(new H2Dialect().isDuplicateKey(new SQLException("Referential integrity", "23506", 23506)));
        assertTrue(new MariaDbDialect().isDuplicateKey(new SQLException("Duplicate entry", "23000", 1062)));
        assertFalse(new MariaDbDialect().isDuplicateKey(new SQLException("Cannot add a child row", "23000", 1452)));
    }
}
