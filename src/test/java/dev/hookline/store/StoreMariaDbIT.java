package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.source.Sources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The store's classes on MariaDB, beyond ordered lines: rows written and read back as they were (times in UTC to the
 * microsecond, bodies to the byte, text in four-byte UTF-8), a second delivery of the same id told apart by MariaDB's
 * own code, the purge the dialect writes, the migrations run twice, a claim left open that holds no new delivery back,
 * and connections that would write local times or lock gaps refused with the options to add.
 */
class StoreMariaDbIT {

    private static MariaDbDataSource database;

    private final DeliveryWriter writer = new DeliveryWriter();
    private final Purges purges = new Purges();
    private final StoreDialect dialects = new StoreDialect();

    @BeforeAll
    static void createSchema() throws SQLException {
        database = MariaDbTestDatabase.create("hookline_store");
    }

    StoreMariaDbIT() {
        writer.store = new AutocommitStore(database);
        writer.sources = new Sources();
        writer.dialects = dialects;
        purges.store = new AutocommitStore(database);
        purges.dialects = dialects;
    }

    private static Delivery delivery(String source, String deliveryId, Instant receivedAt, byte[] body) {
        return new Delivery(DeliveryIds.next(receivedAt.toEpochMilli()), source, deliveryId, "invoice.paid ✓",
                receivedAt, "{\"x-emoji\":[\"🎉\"]}", body);
    }

    @Test
    void aDeliveryIsReadBackAsItWasWritten() throws SQLException {
        Instant received = Instant.parse("2026-12-05T10:00:00.123456Z");
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        Delivery written = delivery("mariadb", "id-" + UUID.randomUUID(), received, body);
        writer.insertAll(List.of(written));
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + DeliveryRows.COLUMNS
                     + " FROM hookline_delivery WHERE id = ?")) {
            select.setString(1, written.id());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                Delivery read = DeliveryRows.read(row);
                assertEquals(received, read.receivedAt());
                assertArrayEquals(body, read.body());
                assertEquals("invoice.paid ✓", read.eventType());
                assertEquals("{\"x-emoji\":[\"🎉\"]}", read.headers());
            }
        }
    }

    @Test
    void aSecondDeliveryOfTheSameIdIsToldByMariaDbsOwnCode() {
        String deliveryId = "id-" + UUID.randomUUID();
        writer.insertAll(List.of(delivery("mariadb", deliveryId, Instant.now(), new byte[] {1})));
        StoreFailure failure = assertThrows(StoreFailure.class,
                () -> writer.insertAll(List.of(delivery("mariadb", deliveryId, Instant.now(), new byte[] {1}))));
        assertTrue(writer.isDuplicateKey(failure));
        assertTrue(!writer.isRefusedRow(failure));
    }

    @Test
    void finishedDeliveriesAreDeletedOldestFirstInBatches() throws SQLException {
        Instant old = Instant.now().minus(10, ChronoUnit.DAYS);
        String source = "purged-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            writer.insertAll(List.of(delivery(source, "id-" + i, old.plusMillis(i), new byte[] {2})));
        }
        try (Connection connection = database.getConnection();
             PreparedStatement finish = connection.prepareStatement(
                     "UPDATE hookline_delivery SET status = 'PROCESSED' WHERE source = ?")) {
            finish.setString(1, source);
            assertEquals(5, finish.executeUpdate());
        }
        assertEquals(3, purges.recordsBefore(old.plusSeconds(1), 3));
        assertEquals(2, purges.recordsBefore(old.plusSeconds(1), 3));
        assertEquals(0, purges.recordsBefore(old.plusSeconds(1), 3));
    }

    @Test
    void theMigrationsRunAgainChangeNothing() throws SQLException {
        MariaDbTestDatabase.create("hookline_store_again");
        MariaDbDataSource again = new MariaDbDataSource(MariaDbTestDatabase.url("hookline_store_again",
                MariaDbTestDatabase.OPTIONS));
        TestMigrations.migrate(again, MigrationScripts.MARIADB);
    }

    /**
     * A node that stalls in the middle of a claim (a long pause, a thread stuck) keeps its transaction open until the
     * database or the transaction manager ends it. Deliveries keep arriving meanwhile, and must be stored at once: a
     * writer that would wait for the claim's locks gives up here after two seconds instead of InnoDB's fifty.
     */
    @Test
    void aClaimLeftOpenHoldsNoNewDeliveryBack() throws SQLException {
        Instant now = Instant.now();
        String source = "claimed-" + UUID.randomUUID();
        writer.insertAll(List.of(delivery(source, "due", now.minusSeconds(1), new byte[] {3})));
        MariaDbDataSource impatient = new MariaDbDataSource(MariaDbTestDatabase.url("hookline_store",
                MariaDbTestDatabase.OPTIONS + "&sessionVariables=innodb_lock_wait_timeout=2"));
        DeliveryWriter arriving = new DeliveryWriter();
        arriving.store = new AutocommitStore(impatient);
        arriving.sources = new Sources();
        arriving.dialects = dialects;
        try (Connection stalled = database.getConnection()) {
            stalled.setAutoCommit(false);
            Claims claims = new Claims();
            claims.store = new StoreDataSource() {
                @Override
                public Connection connection() {
                    return HeldConnections.held(stalled);
                }
            };
            claims.dialects = dialects;
            assertFalse(claims.due("stalled-node", now, now.plusSeconds(30), 100).isEmpty());

            arriving.insertAll(List.of(delivery(source, "arriving", Instant.now(), new byte[] {4})));
            stalled.rollback();
        }
    }

    @Test
    void connectionsThatWouldWriteLocalTimesOrLockGapsAreRefusedWithTheOptionsToAdd() throws SQLException {
        assertRefusedNaming("connectionTimeZone=Europe/Paris&preserveInstants=true"
                + "&transactionIsolation=READ-COMMITTED", "connectionTimeZone=UTC&preserveInstants=true");
        assertRefusedNaming("connectionTimeZone=UTC&preserveInstants=true&transactionIsolation=REPEATABLE-READ",
                "transactionIsolation=READ-COMMITTED");
        try (Connection connection = database.getConnection()) {
            new MariaDbDialect().checkConnection(connection);
        }
    }

    private static void assertRefusedNaming(String options, String advice) throws SQLException {
        MariaDbDataSource wrong = new MariaDbDataSource(MariaDbTestDatabase.url("hookline_store", options));
        try (Connection connection = wrong.getConnection()) {
            InvalidStoreConfiguration refused = assertThrows(InvalidStoreConfiguration.class,
                    () -> new MariaDbDialect().checkConnection(connection));
            assertTrue(refused.getMessage().contains(advice), refused.getMessage());
        }
    }
}
