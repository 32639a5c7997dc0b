package dev.hookline.ingest;

import dev.hookline.dispatch.Dispatcher;
import dev.hookline.ingest.GroupCommit.Pending;
import dev.hookline.store.Delivery;
import dev.hookline.store.DeliveryIds;
import dev.hookline.store.DeliveryWriter;
import dev.hookline.store.H2Commits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where verified deliveries are taken in: stored durably, or recognised as seen before, before the sender is
 * answered; then handed to dispatch. Concurrent deliveries share one transaction (see {@link GroupCommit}).
 */
@ApplicationScoped
public class Inbox {

    /** The most deliveries one transaction carries. */
    static final int MAX_BATCH = 128;

    @Inject
    DeliveryWriter writer;

    @Inject
    Dispatcher dispatcher;

    @Inject
    H2Commits durability;

    private final GroupCommit<Delivery, Receipt> commits = new GroupCommit<>(MAX_BATCH, this::write,
            StorageUnavailable::new, Inbox::number);

    /**
     * Gives a delivery its id as it is queued to be stored. Batches are written one after another in queue order, so
     * on this node a delivery with a smaller id is never committed after one with a larger id: paging through
     * deliveries by id never passes over one of this node's that commits later.
     */
    private static void number(Delivery delivery) {
        delivery.number(DeliveryIds.next(delivery.receivedAt().toEpochMilli()));
    }

    /**
     * Stores the delivery and returns once it is committed, or says it was stored before.
     *
     * @throws StorageUnavailable when it could not be stored
     */
    public Receipt accept(Delivery delivery) {
        return commits.submit(delivery);
    }

    private void write(List<Pending<Delivery, Receipt>> batch) {
        // A sender may race itself: the second of the same key within one batch is a duplicate of the first.
        Map<String, Pending<Delivery, Receipt>> firsts = new HashMap<>();
        List<Pending<Delivery, Receipt>> unique = new ArrayList<>(batch.size());
        List<Pending<Delivery, Receipt>> repeats = new ArrayList<>(0);
        for (Pending<Delivery, Receipt> pending : batch) {
            String key = pending.item.source() + '\u0000' + pending.item.deliveryId();
            if (firsts.putIfAbsent(key, pending) == null) {
                unique.add(pending);
            } else {
                repeats.add(pending);
            }
        }
        List<Delivery> deliveries = unique.stream().map(p -> p.item).toList();
        // Leased to this node as they are stored, they are attempted once committed without being claimed first.
        List<Delivery> leased = dispatcher.leaseFresh(deliveries);
        Set<String> stored = new HashSet<>();
        // Refusals are answered at once; what was stored only once it is in the database's file (see H2Commits).
        List<Runnable> acknowledgements = new ArrayList<>(batch.size());
        try {
            try {
                writer.insertAll(deliveries);
                unique.forEach(p -> {
                    acknowledgements.add(() -> p.complete(new Receipt.Accepted(p.item.id())));
                    stored.add(p.item.id());
                });
            } catch (RuntimeException e) {
                // Most often one of them was stored before; write them one by one to tell which.
                writeOneByOne(unique, stored, acknowledgements, e);
            }
            for (Pending<Delivery, Receipt> repeat : repeats) {
                Pending<Delivery, Receipt> first = firsts.get(repeat.item.source() + '\u0000'
                        + repeat.item.deliveryId());
                if (stored.contains(first.item.id())) {
                    acknowledgements.add(() -> repeat.complete(new Receipt.Duplicate(first.item.id())));
                } else {
                    writeOneByOne(List.of(repeat), stored, acknowledgements, null);
                }
            }
            durability.written();
            acknowledgements.forEach(Runnable::run);
        } finally {
            handToDispatch(leased, stored);
        }
    }

    /** Leased deliveries that were stored are attempted now; the others stored are claimed as the hint says. */
    private void handToDispatch(List<Delivery> leased, Set<String> stored) {
        List<Delivery> leasedAndStored = new ArrayList<>(leased.size());
        Set<String> leasedIds = new HashSet<>();
        for (Delivery delivery : leased) {
            leasedIds.add(delivery.id());
            if (stored.contains(delivery.id())) {
                leasedAndStored.add(delivery);
            }
        }
        dispatcher.release(leased.size() - leasedAndStored.size());
        dispatcher.attemptStored(leasedAndStored);
        if (stored.size() > leasedAndStored.size()) {
            dispatcher.dispatch(stored.stream().filter(id -> !leasedIds.contains(id)).toList());
        }
    }

    private void writeOneByOne(List<Pending<Delivery, Receipt>> pendings, Set<String> stored,
                               List<Runnable> acknowledgements, RuntimeException cause) {
        RuntimeException outage = cause != null && !writer.isDuplicateKey(cause)
                && !writer.isRefusedRow(cause) && pendings.size() == 1 ? cause : null;
        for (Pending<Delivery, Receipt> pending : pendings) {
            if (outage != null) {
                pending.fail(new StorageUnavailable(outage));
                continue;
            }
            try {
                writer.insertAll(List.of(pending.item));
                acknowledgements.add(() -> pending.complete(new Receipt.Accepted(pending.item.id())));
                stored.add(pending.item.id());
            } catch (RuntimeException e) {
                if (writer.isRefusedRow(e)) {
                    // This delivery's content, not the database: the others are written, and it is refused alone.
                    pending.fail(new UnstorableDelivery(e));
                    continue;
                }
                if (!writer.isDuplicateKey(e)) {
                    outage = e;
                    pending.fail(new StorageUnavailable(e));
                    continue;
                }
                String first = existing(pending.item);
                if (first == null) {
                    pending.fail(new StorageUnavailable(e));
                } else {
                    acknowledgements.add(() -> pending.complete(new Receipt.Duplicate(first)));
                }
            }
        }
    }

    private String existing(Delivery delivery) {
        try {
            return writer.idOf(delivery.source(), delivery.deliveryId());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
