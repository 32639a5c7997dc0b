package dev.hookline.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.platform.Started;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * What H2Commits promises its callers: {@code written()} returns only once a {@code CHECKPOINT} has run that started
 * after the call (and so after the caller's commit), and concurrent callers share checkpoints.
 */
class H2CommitsTest {

    /** Ticks once per call of written() and once per checkpoint start, so that the two can be ordered. */
    private final AtomicLong clock = new AtomicLong();
    /** The tick at which each checkpoint started; added once it has completed. */
    private final List<Long> completedCheckpoints = new ArrayList<>();

    @Test
    void everyCallerWaitsForACheckpointThatStartedAfterItAndCallersShareThem() throws Exception {
        H2Commits commits = new H2Commits();
        commits.store = countingStore();
        commits.dialects = new StoreDialect();
        commits.checkOnStart(new Started());
        synchronized (completedCheckpoints) {
            completedCheckpoints.clear();
        }

        int callers = 8;
        int callsEach = 200;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < callsEach; i++) {
                    long called = clock.incrementAndGet();
                    commits.written();
                    synchronized (completedCheckpoints) {
                        assertTrue(completedCheckpoints.stream().anyMatch(started -> started > called),
                                "returned before a checkpoint that started after the call had completed");
                    }
                }
                return null;
            }));
        }
        for (Future<?> caller : done) {
            caller.get();
        }
        threads.shutdown();
        int checkpoints;
        synchronized (completedCheckpoints) {
            checkpoints = completedCheckpoints.size();
        }
        assertTrue(checkpoints < callers * callsEach / 2, checkpoints + " checkpoints for "
                + callers * callsEach + " calls: callers do not share them");
    }

    /** An in-memory H2 whose connections record each CHECKPOINT's start tick once it has completed. */
    private StoreDataSource countingStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:h2-commits;DB_CLOSE_DELAY=-1");
        return new StoreDataSource() {
            @Override
            public Connection connection() throws SQLException {
                Connection connection = h2.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                            Object result = invoke(connection, method, arguments);
                            return method.getName().equals("createStatement") ? counting((Statement) result) : result;
                        });
            }
        };
    }

    private Statement counting(Statement statement) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, arguments) -> {
                    boolean checkpoint = method.getName().equals("execute") && "CHECKPOINT".equals(arguments[0]);
                    long started = checkpoint ? clock.incrementAndGet() : 0;
                    Object result = invoke(statement, method, arguments);
                    if (checkpoint) {
                        synchronized (completedCheckpoints) {
                            completedCheckpoints.add(started);
                        }
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments)
            throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
