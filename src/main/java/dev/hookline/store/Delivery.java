package dev.hookline.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One delivery as received: the raw body exactly as signed, the headers without signatures or credentials, and its
 * dispatch state. The database's unique (source, delivery id) is what makes a second arrival a duplicate. A row of
 * {@code hookline_delivery}: {@link DeliveryRows} reads it, the store classes write it.
 */
public class Delivery {

    private String id;

    private final String source;

    private final String deliveryId;

    private final String eventType;

    private DeliveryStatus status;

    private int attempts;

    /** The attempts made before the last replay: retries are counted from there. */
    private final int attemptsBeforeReplay;

    private final OffsetDateTime receivedAt;

    private OffsetDateTime nextAttemptAt;

    private OffsetDateTime lastAttemptAt;

    private String lastError;

    /** The node whose lease on the delivery is current; set while {@code PROCESSING}. */
    private String claimedBy;

    /** When the lease ends: past it, any node may take the delivery over. */
    private OffsetDateTime leaseUntil;

    /** For an ordered source, the line the delivery waits in; {@code null} for an unordered one. */
    private String orderingKey;

    /** Its place in that line, given as it is stored (see {@link LinePositions}); {@code null} when unordered. */
    private Long linePosition;

    /** The headers as a JSON object of name to array of values. */
    private final String headers;

    private final byte[] body;

    /** Set once the retention dropped the headers and body; {@code null} while they are kept. */
    private final PurgedPayload purgedPayload;

    /** A delivery as stored, with every column of its row (see {@link DeliveryRows}). */
    Delivery(String id, String source, String deliveryId, String eventType, DeliveryStatus status, int attempts,
             int attemptsBeforeReplay, OffsetDateTime receivedAt, OffsetDateTime nextAttemptAt,
             OffsetDateTime lastAttemptAt, String lastError, String claimedBy, OffsetDateTime leaseUntil,
             String orderingKey, Long linePosition, String headers, byte[] body, PurgedPayload purgedPayload) {
        this.id = id;
        this.source = source;
        this.deliveryId = deliveryId;
        this.eventType = eventType;
        this.status = status;
        this.attempts = attempts;
        this.attemptsBeforeReplay = attemptsBeforeReplay;
        this.receivedAt = receivedAt;
        this.nextAttemptAt = nextAttemptAt;
        this.lastAttemptAt = lastAttemptAt;
        this.lastError = lastError;
        this.claimedBy = claimedBy;
        this.leaseUntil = leaseUntil;
        this.orderingKey = orderingKey;
        this.linePosition = linePosition;
        this.headers = headers;
        this.body = body;
        this.purgedPayload = purgedPayload;
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
        this.attemptsBeforeReplay = 0;
        this.purgedPayload = null;
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

    /** What is left of the payload once the retention dropped it; {@code null} while the headers and body are kept. */
    public PurgedPayload purgedPayload() {
        return purgedPayload;
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

    public Long linePosition() {
        return linePosition;
    }

    /** Gives the delivery its id; before it is stored (see the ingest's queue, which numbers in its order). */
    public void number(String id) {
        this.id = id;
    }

    /** Puts the delivery in the line of its ordering key; before it is stored. */
    public void orderBy(String key) {
        this.orderingKey = key;
    }

    /** Gives the delivery its place in its key's line; as it is stored. */
    void placeInLine(long position) {
        this.linePosition = position;
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
        return new Claim(id, source, orderingKey, attempts, leaseUntil());
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

    /** Times are stored as UTC timestamps with zone: a type JDBC 4.2 maps portably on every driver. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
