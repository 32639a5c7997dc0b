package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookline.source.Sources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import javax.sql.DataSource;

/**
 * Ordered sources against the store itself, with the store's own writer and claims on a real database: several
 * transactions store deliveries of a few keys at once, as several nodes (or one node's successive batches) do; their
 * ids come from clocks that disagree, many in one millisecond; they commit in an order of the property's choosing
 * while dispatch claims and finishes whatever is in turn. Each key's deliveries must be processed in the order they
 * were committed, and so acknowledged to their senders, each exactly once. Each database with a dialect runs it.
 */
abstract class OrderedLinesProperty {

    private static final String NODE = "node-under-test";
    private static final AtomicInteger TRIES = new AtomicInteger();

    private final ThreadTransactions transactions = new ThreadTransactions();
    private final DeliveryWriter writer = new DeliveryWriter();
    private final Claims claims = new Claims();

    /** The database under test, its schema migrated. */
    abstract DataSource database();

    OrderedLinesProperty() {
        StoreDialect dialects = new StoreDialect();
        writer.store = transactions;
        writer.sources = new Sources();
        writer.dialects = dialects;
        claims.store = transactions;
        claims.dialects = dialects;
    }

    /**
     * @param batches   per storing transaction, the keys (0 to 2) of its deliveries, in the order they were received
     * @param clockSkew per transaction, how many milliseconds its node's clock is ahead (0: the same millisecond)
     * @param seed      the order of commits, and how many claims run between two commits
     */
    @Property(tries = 100)
    void eachKeyIsProcessedInTheOrderItsDeliveriesWereCommitted(
            @ForAll @Size(min = 2, max = 4) List<@Size(min = 1, max = 5) List<@IntRange(max = 2) Integer>> batches,
            @ForAll @Size(value = 4) List<@IntRange(max = 3) Integer> clockSkew,
            @ForAll long seed) throws Exception {
        String source = "ordered-" + TRIES.incrementAndGet();
        Random random = new Random(seed);
        long now = System.currentTimeMillis();
        List<Storing> storing = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            List<Delivery> deliveries = new ArrayList<>();
            for (int key : batches.get(i)) {
                Delivery delivery = new Delivery(DeliveryIds.next(now - clockSkew.get(i)), source,
                        "delivery-" + i + "-" + deliveries.size(), "test", Instant.ofEpochMilli(now), "{}",
                        new byte[0]);
                delivery.orderBy("key-" + key);
                deliveries.add(delivery);
            }
            storing.add(new Storing(deliveries));
        }
        Map<String, List<String>> committed = new LinkedHashMap<>();
        Map<String, List<String>> processed = new LinkedHashMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>();
        storing.forEach(Storing::start);
        List<Storing> open = new ArrayList<>(storing);
        while (!open.isEmpty()) {
            // Only a transaction that has stored its deliveries can commit; one waiting for a line another holds
            // cannot until that one has.
            List<Storing> ready = awaitReady(open);
            Storing next = ready.get(random.nextInt(ready.size()));
            next.commit();
            open.remove(next);
            for (Delivery delivery : next.deliveries) {
                committed.computeIfAbsent(delivery.orderingKey(), k -> new ArrayList<>()).add(delivery.id());
                keyOf.put(delivery.id(), delivery.orderingKey());
            }
            for (int rounds = random.nextInt(3); rounds > 0; rounds--) {
                claimAndProcess(processed, keyOf);
            }
        }
        while (claimAndProcess(processed, keyOf) > 0) {
            // until nothing is left in turn
        }
        assertEquals(committed, processed, "each key's deliveries in commit order, each once");
    }

    private static List<Storing> awaitReady(List<Storing> open) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<Storing> ready = open.stream().filter(Storing::stored).toList();
            if (!ready.isEmpty()) {
                return ready;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no storing transaction got its lines within 15 s");
    }

    /** One claim, and each delivery it claimed finished as dispatch finishes it; answers how many were claimed. */
    private int claimAndProcess(Map<String, List<String>> processed, Map<String, String> keyOf) throws SQLException {
        Instant now = Instant.now();
        List<Claim> claimed = transactions.inOne(() -> claims.due(NODE, now, now.plusSeconds(60), 16));
        for (Claim claim : claimed) {
            transactions.inOne(() -> {
                try (Connection connection = transactions.connection();
                     PreparedStatement finish = connection.prepareStatement("UPDATE hookline_delivery"
                             + " SET status = 'PROCESSED', claimed_by = NULL, lease_until = NULL WHERE id = ?")) {
                    finish.setString(1, claim.id());
                    assertEquals(1, finish.executeUpdate());
                }
                return null;
            });
            if (keyOf.containsKey(claim.id())) {
                processed.computeIfAbsent(keyOf.get(claim.id()), k -> new ArrayList<>()).add(claim.id());
            }
        }
        return claimed.size();
    }

    /** One storing transaction, on a thread of its own, as a request thread of some node stores its batch. */
    private final class Storing {
        final List<Delivery> deliveries;
        private final CompletableFuture<Void> stored = new CompletableFuture<>();
        private final CompletableFuture<Void> mayCommit = new CompletableFuture<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Storing(List<Delivery> deliveries) {
            this.deliveries = deliveries;
        }

        void start() {
            Thread thread = new Thread(() -> {
                try {
                    transactions.inOne(() -> {
                        writer.insertAll(deliveries);
                        stored.complete(null);
                        mayCommit.join();
                        return null;
                    });
                    done.complete(null);
                } catch (Throwable e) {
                    stored.completeExceptionally(e);
                    done.completeExceptionally(e);
                }
            }, "storing");
            thread.setDaemon(true);
            thread.start();
        }

        boolean stored() {
            if (stored.isCompletedExceptionally()) {
                stored.join(); // throws what failed
            }
            return stored.isDone();
        }

        void commit() throws Exception {
            mayCommit.complete(null);
            done.get(15, TimeUnit.SECONDS);
        }
    }

    /**
     * The store's datasource as the server's transactions make it: within {@link #inOne} every connection a store
     * class takes on this thread is the transaction's one, and closing it leaves it open until the transaction ends.
     */
    private final class ThreadTransactions extends StoreDataSource {
        private final ThreadLocal<Connection> current = new ThreadLocal<>();

        interface Work<T> {
            T run() throws SQLException;
        }

        <T> T inOne(Work<T> work) throws SQLException {
            try (Connection connection = database().getConnection()) {
                connection.setAutoCommit(false);
                current.set(connection);
                try {
                    T result = work.run();
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    connection.rollback();
                    throw e;
                } finally {
                    current.remove();
                }
            }
        }

        @Override
        public Connection connection() {
            Connection connection = current.get();
            if (connection == null) {
                throw new IllegalStateException("no transaction on this thread");
            }
            return HeldConnections.held(connection);
        }
    }
}
