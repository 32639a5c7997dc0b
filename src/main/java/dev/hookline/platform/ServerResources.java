package dev.hookline.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's default Jakarta Concurrency resources and its transaction synchronization registry, looked up by their
 * standard names. Looked up rather than injected with {@code @Resource}: Payara injects no resources into beans of a
 * library jar in WEB-INF/lib. Offered here rather than produced as beans of those types, which would be ambiguous
 * beside the host application's own producers or the server's (Jakarta EE 11 makes them beans).
 */
@ApplicationScoped
public class ServerResources {

    private volatile ManagedScheduledExecutorService scheduler;
    private volatile ManagedThreadFactory threads;
    private volatile ContextService contexts;
    private volatile ManagedExecutorService executor;
    private volatile TransactionSynchronizationRegistry transactions;

    /**
     * Looks every resource up as the application starts, on a thread with its naming context: a dispatch worker
     * that asked first might not have it.
     */
    void lookUpOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Started started) {
        scheduler();
        threadFactory();
        contexts();
        executor();
        transactions();
    }

    public ManagedScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = lookup("java:comp/DefaultManagedScheduledExecutorService",
                    ManagedScheduledExecutorService.class);
        }
        return scheduler;
    }

    public ManagedThreadFactory threadFactory() {
        if (threads == null) {
            threads = lookup("java:comp/DefaultManagedThreadFactory", ManagedThreadFactory.class);
        }
        return threads;
    }

    public ContextService contexts() {
        if (contexts == null) {
            contexts = lookup("java:comp/DefaultContextService", ContextService.class);
        }
        return contexts;
    }

    public ManagedExecutorService executor() {
        if (executor == null) {
            executor = lookup("java:comp/DefaultManagedExecutorService", ManagedExecutorService.class);
        }
        return executor;
    }

    public TransactionSynchronizationRegistry transactions() {
        if (transactions == null) {
            transactions = lookup("java:comp/TransactionSynchronizationRegistry",
                    TransactionSynchronizationRegistry.class);
        }
        return transactions;
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("The server has no " + name + ", which every Jakarta EE server provides",
                    e);
        }
    }
}
