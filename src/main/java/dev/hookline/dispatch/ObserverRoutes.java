package dev.hookline.dispatch;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import dev.hookline.api.WebhookSource;
import dev.hookline.source.Source;
import dev.hookline.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the observers of a delivery once per (source, type) and remembers them. CDI matches qualifier members
 * exactly, so a family such as {@code invoice.*} is resolved here: the delivery is matched against its exact type,
 * the event without its action where the source has one, each of its families, {@code *}, and its source, and every
 * observer found is notified once.
 */
@ApplicationScoped
public class ObserverRoutes {

    /** Enough for every (source, type) a real deployment sees; past it, routes are resolved without caching. */
    private static final int MAX_CACHED = 10_000;
    private static final Webhook SAMPLE = new Webhook("", "", "", "", Instant.EPOCH, 0, Map.of(), new byte[0]);

    @Inject
    BeanManager beans;

    @Inject
    Sources sources;

    private final Map<String, Route> cache = new ConcurrentHashMap<>();

    public Route route(String source, String type) {
        String key = source + '\u0000' + type;
        Route route = cache.get(key);
        if (route == null) {
            route = resolve(source, type);
            if (cache.size() < MAX_CACHED) {
                cache.put(key, route);
            }
        }
        return route;
    }

    private Route resolve(String source, String type) {
        Set<ObserverMethod<? super Webhook>> found = new LinkedHashSet<>();
        Source configured = sources.find(source);
        boolean withAction = configured != null && configured.eventAction() != null;
        for (Annotation qualifier : qualifiers(source, type, withAction)) {
            found.addAll(beans.resolveObserverMethods(SAMPLE, qualifier));
        }
        List<ObserverMethod<? super Webhook>> inTransaction = new ArrayList<>();
        List<ObserverMethod<? super Webhook>> transactional = new ArrayList<>();
        List<ObserverMethod<? super Webhook>> async = new ArrayList<>();
        for (ObserverMethod<? super Webhook> observer : found) {
            if (observer.isAsync()) {
                async.add(observer);
            } else if (observer.getTransactionPhase() == TransactionPhase.IN_PROGRESS) {
                inTransaction.add(observer);
            } else {
                transactional.add(observer);
            }
        }
        return new Route(List.copyOf(inTransaction), List.copyOf(transactional), List.copyOf(async),
                Set.of(new WebhookSource.Literal(source), new WebhookEvent.Literal(source, type)));
    }

    /**
     * Every qualifier a delivery of this source and type answers to. When the source types its events with their
     * action ({@code issues.opened}), the event without it ({@code issues}) is one of them, as octokit's
     * {@code on("issues")} receives every action.
     */
    static List<Annotation> qualifiers(String source, String type, boolean withAction) {
        List<String> types = new ArrayList<>();
        if (!type.isEmpty()) {
            types.add(type);
        }
        int action = type.lastIndexOf('.');
        if (withAction && action > 0) {
            types.add(type.substring(0, action));
        }
        for (int dot = type.lastIndexOf('.'); dot > 0; dot = type.lastIndexOf('.', dot - 1)) {
            types.add(type.substring(0, dot) + ".*");
        }
        types.add("*");
        List<Annotation> qualifiers = new ArrayList<>();
        qualifiers.add(new WebhookSource.Literal(source));
        for (String t : types) {
            qualifiers.add(new WebhookEvent.Literal(source, t));
            qualifiers.add(new WebhookEvent.Literal("", t));
        }
        return qualifiers;
    }
}
