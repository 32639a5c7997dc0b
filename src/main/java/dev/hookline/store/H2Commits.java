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
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Makes what Hookline commits to an H2 store reach the database's file before it is acknowledged. H2 writes a
 * committed transaction to its file only when its background writer next runs, up to {@code WRITE_DELAY} (500 ms)
 * later: a server killed within that time lost deliveries that Hookline had already acknowledged (217 of 4,211 in
 * {@code EmbeddedStoreCrashIT}). {@code WRITE_DELAY 0} would write each commit at once, but it also stops the
 * background writer, which is what compacts the file: in a soak of 2,000,000 deliveries the file grew to 17.6 GB, for
 * under 1 GB of live data. So the writer keeps its delay and Hookline writes its own commits itself, with shared
 * {@code CHECKPOINT}s, before answering (see {@link #written()}). Other databases commit durably on their own.
 */
@ApplicationScoped
public class H2Commits {

    private static final Logger LOG = Logger.getLogger(H2Commits.class.getName());
    /** H2's own default: the background writer runs, and compacts the file, at least this often. */
    private static final int BACKGROUND_WRITE_DELAY_MILLIS = 500;

    @Inject
    StoreDataSource store;

    @Inject
    StoreDialect dialects;

    /** The least time between two writes: long enough to gather a few group commits, short beside an answer's. */
    private static final long MIN_INTERVAL_NANOS = 5_000_000;

    private final Writes writes = new Writes();
    private volatile boolean h2;

    /** After the datasource is looked up and before anything is received or dispatched. */
    void checkOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) Started started) {
        try (Connection connection = store.connection()) {
            if (!dialects.of(connection).writesCommitsLater()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                // H2 keeps the setting in the database: another application, or an earlier Hookline, may have set 0.
                statement.execute("SET WRITE_DELAY " + BACKGROUND_WRITE_DELAY_MILLIS);
                statement.execute("CHECKPOINT");
            }
            h2 = true;
            LOG.info("H2 store: what Hookline commits is written to the database's file before it is acknowledged"
                    + " (CHECKPOINT); the background writer compacts the file");
        } catch (SQLException e) {
            throw new InvalidStoreConfiguration("The H2 store cannot be made to write commits to its file before"
                    + " they are acknowledged (SET WRITE_DELAY and CHECKPOINT need an H2 admin user); point "
                    + StoreDataSource.KEY + " at a database that commits durably, such as PostgreSQL", e);
        }
    }

    /**
     * Returns once what this thread has committed is in the database's file, on H2; at once on other databases. Called
     * after a commit that must not be lost, before it is acknowledged. Callers share writes: one {@code CHECKPOINT}
     * covers every commit made before it started, and a new one starts at most every 5 ms,
     * so that under load H2 writes a few large chunks rather than one small chunk per commit (its file grew by about
     * 8 KB per delivery with one write per commit, faster than its background writer compacts it under load).
     *
     * @throws StoreFailure when the write failed: the commit may then be lost in a crash, so it is not acknowledged
     */
    public void written() {
        if (!h2) {
            return;
        }
        long mine;
        synchronized (writes) {
            mine = ++writes.requested;
            while (writes.covered < mine) {
                if (!writes.writing) {
                    writes.writing = true;
                    break;
                }
                waitFor(writes);
            }
            if (writes.covered >= mine) {
                return;
            }
        }
        lead();
    }

    /** Writes once, for every request made until it starts, after the least interval since the last write. */
    private void lead() {
        boolean done = false;
        long upTo = 0;
        try {
            long wait = writes.lastStart + MIN_INTERVAL_NANOS - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            synchronized (writes) {
                upTo = writes.requested;
                writes.lastStart = System.nanoTime();
            }
            try (Connection connection = store.connection(); Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new StoreFailure("Writing commits to the H2 file failed", e);
            }
            done = true;
        } finally {
            synchronized (writes) {
                writes.writing = false;
                if (done) {
                    writes.covered = Math.max(writes.covered, upTo);
                }
                writes.notifyAll();
            }
        }
    }

    private static void waitFor(Object monitor) {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("Interrupted while waiting for a write to the H2 file", null);
        }
    }

    /** The shared writes' state, guarded by itself. */
    private static final class Writes {
        long requested;
        long covered;
        boolean writing;
        long lastStart = System.nanoTime() - MIN_INTERVAL_NANOS;
    }
}
