package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The observers of one (source, type): those that run inside the delivery's transaction, and those that run after it
 * committed ({@code @ObservesAsync} and transactional-phase observers).
 */
public record Route(List<ObserverMethod<? super Webhook>> inTransaction,
                    List<ObserverMethod<? super Webhook>> afterCommit,
                    Set<Annotation> qualifiers) {

    private static final Logger LOG = Logger.getLogger(Route.class.getName());

    public boolean isEmpty() {
        return inTransaction.isEmpty() && afterCommit.isEmpty();
    }

    /** Notifies the in-transaction observers; the first exception fails the attempt. */
    public void notifyInTransaction(Webhook hook) {
        notifyAll(inTransaction, hook);
    }

    /** Notifies each after-commit observer; one that fails is logged and does not keep the others from theirs. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void notifyAfterCommit(Webhook hook) {
        EventContext context = new Notification(hook, qualifiers);
        for (ObserverMethod observer : afterCommit) {
            try {
                observer.notify(context);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "An after-commit observer of " + hook + " failed");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void notifyAll(List<ObserverMethod<? super Webhook>> observers, Webhook hook) {
        EventContext context = new Notification(hook, qualifiers);
        for (ObserverMethod observer : observers) {
            observer.notify(context);
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
