package dev.hookline.it;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Transactional observers that write to the database first and then fail as the delivery's body tells them: on its
 * first {@code fail} attempts, unless the test has "fixed" that delivery since. The ordered source's observer also
 * remembers the order in which deliveries succeeded.
 */
@ApplicationScoped
public class FlakyObservers {

    @Inject
    Effects effects;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Set<String> fixed = ConcurrentHashMap.newKeySet();
    /** Delivery ids notified, by the transaction they were notified in. */
    private final Map<Object, Set<String>> notifiedIn = new ConcurrentHashMap<>();
    private final List<String> succeeded = new CopyOnWriteArrayList<>();

    void flaky(@Observes @WebhookSource("flaky") Webhook hook) {
        writeThenMaybeFail(hook);
    }

    void patient(@Observes @WebhookSource("patient") Webhook hook) {
        writeThenMaybeFail(hook);
    }

    void ordered(@Observes @WebhookSource("ordered") Webhook hook) {
        writeThenMaybeFail(hook);
        succeeded.add(hook.deliveryId());
    }

    private void writeThenMaybeFail(Webhook hook) {
        notifiedIn.computeIfAbsent(transactions.getTransactionKey(), key -> ConcurrentHashMap.newKeySet())
                .add(hook.deliveryId());
        effects.record(hook);
        JsonObject body = hook.json().asJsonObject();
        if (hook.attempt() <= body.getInt("fail", 0) && !fixed.contains(hook.deliveryId())) {
            throw new IllegalStateException("attempt " + hook.attempt() + " of " + hook.deliveryId() + " refused");
        }
    }

    /** From now on, the observers succeed for this delivery. */
    public void fix(String deliveryId) {
        fixed.add(deliveryId);
    }

    /** The delivery ids notified in each transaction that notified any, as far as they are among these. */
    public List<Set<String>> sharedTransactions(Set<String> deliveryIds) {
        return notifiedIn.values().stream()
                .map(notified -> notified.stream().filter(deliveryIds::contains).collect(Collectors.toSet()))
                .filter(notified -> notified.size() > 1)
                .toList();
    }

    /** Delivery ids of the ordered source in the order their attempts succeeded. */
    public List<String> succeededInOrder() {
        return List.copyOf(succeeded);
    }
}
