package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The observers of one (source, type), each notified as the CDI specification defines for its kind, with the
 * delivery's transaction as the transaction the event was fired in:
 * <ul>
 * <li>{@code @Observes} ({@code IN_PROGRESS}): at once, inside the transaction; an exception fails the attempt;</li>
 * <li>{@code BEFORE_COMPLETION}: inside the transaction, once every delivery of it has been notified, before the
 * commit;</li>
 * <li>{@code AFTER_SUCCESS} after a commit, {@code AFTER_FAILURE} after a rollback, {@code AFTER_COMPLETION} after
 * either;</li>
 * <li>{@code @ObservesAsync}: after the commit, on the server's default managed executor, never on a dispatch
 * worker.</li>
 * </ul>
 * As the specification has it for transactional and asynchronous observers, an exception of any but the first kind
 * is logged and changes nothing.
 */
public record Route(List<ObserverMethod<? super Webhook>> inTransaction,
                    List<ObserverMethod<? super Webhook>> transactional,
                    List<ObserverMethod<? super Webhook>> async,
                    Set<Annotation> qualifiers) {

    private static final Logger LOG = Logger.getLogger(Route.class.getName());

    public boolean isEmpty() {
        return inTransaction.isEmpty() && transactional.isEmpty() && async.isEmpty();
    }

    /**
     * Enlists the after-completion observers in the current transaction, then notifies the in-transaction ones: an
     * exception of theirs fails the attempt, and the after-completion ones learn of it as a rollback.
     */
    public void notifyInTransaction(Webhook hook, TransactionSynchronizationRegistry transactions) {
        if (transactional.stream().anyMatch(Route::afterCompletion)) {
            transactions.registerInterposedSynchronization(new AfterCompletion(hook));
        }
        EventContext<Webhook> context = new Notification(hook, qualifiers);
        for (ObserverMethod<? super Webhook> observer : inTransaction) {
            notify(observer, context);
        }
    }

    /** Notifies the {@code BEFORE_COMPLETION} observers; the transaction is still open. */
    public void notifyBeforeCompletion(Webhook hook) {
        notifyTransactional(hook, phase -> phase == TransactionPhase.BEFORE_COMPLETION);
    }

    /** Hands each asynchronous observer to the executor, once the delivery's transaction has committed. */
    public void notifyAsync(Webhook hook, Executor executor) {
        EventContext<Webhook> context = new Notification(hook, qualifiers);
        for (ObserverMethod<? super Webhook> observer : async) {
            try {
                executor.execute(() -> {
                    try {
                        notify(observer, context);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, e, () -> "An asynchronous observer of " + hook + " failed");
                    }
                });
            } catch (RejectedExecutionException e) {
                LOG.log(Level.WARNING, e, () -> "An asynchronous observer of " + hook + " was not notified: the "
                        + "executor refused it");
            }
        }
    }

    private static boolean afterCompletion(ObserverMethod<?> observer) {
        return observer.getTransactionPhase() != TransactionPhase.BEFORE_COMPLETION;
    }

    private void notifyTransactional(Webhook hook, Predicate<TransactionPhase> due) {
        EventContext<Webhook> context = new Notification(hook, qualifiers);
        for (ObserverMethod<? super Webhook> observer : transactional) {
            if (due.test(observer.getTransactionPhase())) {
                try {
                    notify(observer, context);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, e, () -> "A " + observer.getTransactionPhase() + " observer of " + hook
                            + " failed");
                }
            }
        }
    }

    /** Whether an observer of this phase is due once the transaction ended with this JTA status. */
    private static boolean dueAfter(TransactionPhase phase, int status) {
        return switch (phase) {
            case AFTER_COMPLETION -> true;
            case AFTER_SUCCESS -> status == Status.STATUS_COMMITTED;
            case AFTER_FAILURE -> status != Status.STATUS_COMMITTED;
            default -> false;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void notify(ObserverMethod observer, EventContext<Webhook> context) {
        observer.notify(context);
    }

    /** The after-completion observers of one delivery in one transaction. */
    private final class AfterCompletion implements Synchronization {

        private final Webhook hook;

        AfterCompletion(Webhook hook) {
            this.hook = hook;
        }

        @Override
        public void beforeCompletion() {
            // BEFORE_COMPLETION observers are notified by the attempt itself, before its outcome is written.
        }

        @Override
        public void afterCompletion(int status) {
            notifyTransactional(hook, phase -> dueAfter(phase, status));
        }
    }

    private record Notification(Webhook event, Set<Annotation> qualifiers)
            implements EventContext<Webhook>, EventMetadata {

        @Override
        public Webhook getEvent() {
            return event;
        }

        @Override
        public EventMetadata getMetadata() {
            return this;
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return qualifiers;
        }

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }

        @Override
        public Type getType() {
            return Webhook.class;
        }
    }
}
