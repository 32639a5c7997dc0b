package dev.hookline.dispatch;

import dev.hookline.platform.ServerResources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hookline's own pool of {@value #THREADS} threads for attempts and polls. Servers' default executors differ
 * (Payara's runs its tasks on a single thread): an observer that hangs must not stop every other delivery. The
 * threads come from the server's default managed thread factory, so they carry the application's naming context and
 * class loader and may begin JTA transactions. A pool of our own rather than a managed executor defined by the
 * application: Payara reads no such definition from a library's web fragment or classes, and a host application
 * should not have to declare one.
 */
@ApplicationScoped
public class DispatchWorkers {

    static final int THREADS = 4;

    @Inject
    ServerResources server;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                server.threadFactory());
    }

    /** Runs tasks on the pool; refuses them once the application is stopping (see {@link BackgroundWork}). */
    public Executor executor() {
        return pool;
    }

    /**
     * Takes no more tasks, drops those waiting for a thread, and waits until the deadline ({@link System#nanoTime})
     * for those running to end; then interrupts what still runs.
     *
     * @return how many tasks were still running at the deadline
     */
    public int stop(long deadline) throws InterruptedException {
        pool.shutdown();
        pool.getQueue().clear();
        if (pool.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return 0;
        }
        int running = pool.getActiveCount();
        pool.shutdownNow();
        return running;
    }

    /** Should the application's stop not have ended the pool (see {@link BackgroundWork}). */
    @PreDestroy
    void destroy() {
        pool.shutdownNow();
    }
}
