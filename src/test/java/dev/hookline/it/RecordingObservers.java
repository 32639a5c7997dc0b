package dev.hookline.it;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import dev.hookline.api.WebhookSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Observers of every kind an application writes; each records what it was given, by the name of its selector. */
@ApplicationScoped
public class RecordingObservers {

    static final String EXACT = "exact invoice.paid";
    static final String FAMILY = "family invoice.*";
    static final String SOURCE = "source github";
    static final String ALL = "all";
    static final String ASYNC = "async all";
    static final String ANY_SOURCE_TYPE = "any source, type push";
    static final String EVENT = "event issues";
    static final String EVENT_ACTION = "event and action issues.opened";

    private final Map<String, List<Webhook>> received = new ConcurrentHashMap<>();

    void exact(@Observes @WebhookEvent(source = "inhouse", type = "invoice.paid") Webhook hook) {
        record(EXACT, hook);
    }

    void family(@Observes @WebhookEvent(source = "inhouse", type = "invoice.*") Webhook hook) {
        record(FAMILY, hook);
    }

    void source(@Observes @WebhookSource("github") Webhook hook) {
        record(SOURCE, hook);
    }

    void everyIssuesAction(@Observes @WebhookEvent(source = "github", type = "issues") Webhook hook) {
        record(EVENT, hook);
    }

    void openedIssues(@Observes @WebhookEvent(source = "github", type = "issues.opened") Webhook hook) {
        record(EVENT_ACTION, hook);
    }

    void pushFromAnywhere(@Observes @WebhookEvent(type = "push") Webhook hook) {
        record(ANY_SOURCE_TYPE, hook);
    }

    void all(@Observes Webhook hook) {
        if ("explode".equals(hook.type())) {
            throw new IllegalStateException("observer refused " + hook.deliveryId());
        }
        record(ALL, hook);
    }

    void async(@ObservesAsync Webhook hook) {
        record(ASYNC, hook);
    }

    private void record(String observer, Webhook hook) {
        received.computeIfAbsent(observer, k -> new CopyOnWriteArrayList<>()).add(hook);
    }

    /** What an observer received for one delivery id so far. */
    public List<Webhook> of(String observer, String deliveryId) {
        return received.getOrDefault(observer, List.of()).stream()
                .filter(hook -> hook.deliveryId().equals(deliveryId)).toList();
    }

    /** Waits until the condition holds for what an observer received for one delivery id, or ten seconds pass. */
    public List<Webhook> await(String observer, String deliveryId, Predicate<List<Webhook>> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Webhook> hooks = of(observer, deliveryId);
        while (!condition.test(hooks) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            hooks = of(observer, deliveryId);
        }
        return hooks;
    }
}
