package dev.hookline.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One delivery as received: the raw body exactly as signed, the headers without signatures or credentials, and its
 * dispatch state. The database's unique (source, delivery id) is what makes a second arrival a duplicate.
 */
@Entity
@Table(name = "hookline_delivery",
        uniqueConstraints = @UniqueConstraint(name = "hookline_delivery_once", columnNames = {"source", "delivery_id"}))
public class Delivery {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String source;

    @Column(name = "delivery_id", nullable = false, length = 255)
    private String deliveryId;

    @Column(name = "event_type", nullable = false, length = 255)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    /** The attempts made before the last replay: retries are counted from there. */
    @Column(name = "attempts_before_replay", nullable = false)
    private int attemptsBeforeReplay;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "last_error", length = 4000)
    private String lastError;

    /** The node whose lease on the delivery is current; set while {@code PROCESSING}. */
    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    /** When the lease ends: past it, any node may take the delivery over. */
    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    /** For an ordered source, the line the delivery waits in; {@code null} for an unordered one. */
    @Column(name = "ordering_key", length = 255)
    private String orderingKey;

    /** The headers as a JSON object of name to array of values. */
    @Column(nullable = false)
    private String headers;

    @Column(nullable = false)
    private byte[] body;

    protected Delivery() {
        // for JPA
    }

    public Delivery(String id, String source, String deliveryId, String eventType, Instant receivedAt,
                    String headers, byte[] body) {
        this.id = id;
        this.source = source;
        this.deliveryId = deliveryId;
        this.eventType = eventType;
        this.receivedAt = utc(receivedAt);
        this.nextAttemptAt = this.receivedAt;
        this.headers = headers;
        this.body = body;
        this.status = DeliveryStatus.RECEIVED;
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public String eventType() {
        return eventType;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** Attempts since the delivery was received or last replayed: what the retry policy counts. */
    public int attemptsInSeries() {
        return attempts - attemptsBeforeReplay;
    }

    public Instant receivedAt() {
        return instant(receivedAt);
    }

    public Instant nextAttemptAt() {
        return instant(nextAttemptAt);
    }

    public Instant lastAttemptAt() {
        return instant(lastAttemptAt);
    }

    public String lastError() {
        return lastError;
    }

    public String headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant leaseUntil() {
        return instant(leaseUntil);
    }

    public String orderingKey() {
        return orderingKey;
    }

    /** Puts the delivery in the line of its ordering key; before it is stored. */
    public void orderBy(String key) {
        this.orderingKey = key;
    }

    /** Whether this node's claim on the delivery is the current one. */
    public boolean isClaimedBy(String node) {
        return status == DeliveryStatus.PROCESSING && node.equals(claimedBy);
    }

    /** Whether this claim is still the current one: the same node, and no later attempt has taken it over. */
    public boolean isClaimedBy(Claim claim, String node) {
        return isClaimedBy(node) && attempts == claim.attempt();
    }

    /**
     * Leases a delivery not yet stored to this node for its first attempt, as a claim would once it is stored: it is
     * stored {@code PROCESSING}, and taken over like any claimed delivery if the node does not finish it in time.
     */
    public void leaseTo(String node, Instant now, Instant until) {
        status = DeliveryStatus.PROCESSING;
        claimedBy = node;
        leaseUntil = utc(until);
        lastAttemptAt = utc(now);
        attempts = 1;
    }

    /** This node's claim on the delivery, as it is now. */
    public Claim claim() {
        return new Claim(id, source, orderingKey, attempts);
    }

    /** Records an attempt that committed: {@code PROCESSED}, or {@code UNHANDLED} when no observer matched. */
    public void succeed(DeliveryStatus outcome) {
        status = outcome;
        lastError = null;
        nextAttemptAt = null;
        release();
    }

    /** Records a failed attempt that will be tried again at {@code nextAttempt}. */
    public void retryAt(Instant nextAttempt, String error) {
        status = DeliveryStatus.FAILED;
        lastError = error;
        nextAttemptAt = utc(nextAttempt);
        release();
    }

    /** Records a failed attempt after which there is none: dead until an operator replays it. */
    public void die(String error) {
        status = DeliveryStatus.DEAD;
        lastError = error;
        nextAttemptAt = null;
        release();
    }

    private void release() {
        claimedBy = null;
        leaseUntil = null;
    }

    /** Times are stored as UTC timestamps with zone: a portable JPA type on every provider and database. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
