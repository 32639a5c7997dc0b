package dev.hookline.ingest;

import dev.hookline.source.Selector;
import dev.hookline.source.Source;
import dev.hookline.store.BodyDigests;
import dev.hookline.store.Delivery;
import dev.hookline.store.StoredHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a verified request into a delivery to store: its event type and delivery id read where the source says, and
 * its headers without signatures and credentials.
 */
final class DeliveryReader {

    /** Longest event type or delivery id kept; the columns hold no more. */
    static final int MAX_FIELD = 255;

    private DeliveryReader() {
    }

    static Delivery read(Source source, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
        Selector typeAt = source.eventType();
        Selector idAt = source.deliveryId();
        Selector actionAt = source.eventAction();
        String[] fromJson = jsonFields(body, typeAt, idAt, actionAt);
        String type = typeAt == null ? "" : value(typeAt, headers, body, fromJson[0], "event type");
        if (actionAt != null && typeAt != null) {
            type = withAction(source, type, headers, body, fromJson[2]);
        }
        String id = idAt == null ? "sha256:" + BodyDigests.sha256Hex(body)
                : value(idAt, headers, body, fromJson[1], "delivery id");
        // Without an id yet: the inbox numbers deliveries in the order it queues them to be stored.
        return new Delivery(null, source.name(), id, type, receivedAt,
                StoredHeaders.encode(kept(source, headers)), body);
    }

    /**
     * The type with its action, as octokit routes GitHub's events: {@code issues} and {@code opened} make
     * {@code issues.opened}. An event without an action keeps its type alone.
     */
    private static String withAction(Source source, String type, Map<String, List<String>> headers, byte[] body,
                                     String fromJson) {
        String action;
        if (source.eventAction() instanceof Selector.Json json) {
            // Read with the type or id when they are in the JSON body; otherwise on its own, and a body that is not
            // JSON (GitHub may post forms) has no action.
            boolean readWithOthers = source.eventType() instanceof Selector.Json
                    || source.deliveryId() instanceof Selector.Json;
            action = readWithOthers ? fromJson : lenientJson(body, json);
        } else {
            action = found(source.eventAction(), headers, body, null);
        }
        if (action == null || action.isBlank()) {
            return type;
        }
        String typed = type + "." + action;
        if (typed.length() > MAX_FIELD || typed.indexOf('\u0000') >= 0) {
            throw new UnreadableDelivery("The event type with its action is longer than " + MAX_FIELD
                    + " characters or contains a NUL character.");
        }
        return typed;
    }

    /**
     * A field at the top level is found by a scan that stops there and passes over nested values unread; a body the
     * scan cannot read (a form, JSON in UTF-16) and a deeper field are read by the parser.
     */
    private static String lenientJson(byte[] body, Selector.Json at) {
        if (at.tokens().size() == 1) {
            try {
                return TopLevelScalar.find(body, at.tokens().get(0));
            } catch (TopLevelScalar.NotAnObject e) {
                // Left to the parser, which tells what it is.
            }
        }
        try {
            return JsonFields.read(body, List.of(at.tokens()))[0];
        } catch (UnreadableDelivery notJson) {
            return null;
        }
    }

    /** The type, id and action read from the JSON body in one pass, when the type or the id is read there. */
    private static String[] jsonFields(byte[] body, Selector typeAt, Selector idAt, Selector actionAt) {
        if (!(typeAt instanceof Selector.Json) && !(idAt instanceof Selector.Json)) {
            return new String[3];
        }
        List<List<String>> pointers = new ArrayList<>(3);
        pointers.add(typeAt instanceof Selector.Json json ? json.tokens() : List.of("\u0000unused"));
        pointers.add(idAt instanceof Selector.Json json ? json.tokens() : List.of("\u0000unused"));
        pointers.add(actionAt instanceof Selector.Json json ? json.tokens() : List.of("\u0000unused"));
        return JsonFields.read(body, pointers);
    }

    private static String value(Selector selector, Map<String, List<String>> headers, byte[] body, String fromJson,
                                String what) {
        String value = found(selector, headers, body, fromJson);
        if (value == null || value.isBlank()) {
            throw new UnreadableDelivery("The " + what + " is missing: Hookline reads it from " + where(selector)
                    + ".");
        }
        if (value.length() > MAX_FIELD) {
            throw new UnreadableDelivery("The " + what + " at " + where(selector) + " is longer than " + MAX_FIELD
                    + " characters.");
        }
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL stores no NUL in text, and it is no sender's idempotency key or event type.
            throw new UnreadableDelivery("The " + what + " at " + where(selector) + " contains a NUL character.");
        }
        return value;
    }

    /** What the selector finds in the request, or {@code null}; {@code fromJson} is what a JSON selector found. */
    private static String found(Selector selector, Map<String, List<String>> headers, byte[] body, String fromJson) {
        if (selector instanceof Selector.Header header) {
            List<String> values = headers.get(header.name());
            return values == null || values.isEmpty() ? null : values.get(0);
        }
        if (selector instanceof Selector.Form form) {
            String value = FormFields.read(body, form.field());
            if (form.json() == null || value == null) {
                return value;
            }
            try {
                return JsonFields.read(value.getBytes(StandardCharsets.UTF_8), List.of(form.json().tokens()))[0];
            } catch (UnreadableDelivery e) {
                throw new UnreadableDelivery("The form field " + form.field() + " does not hold JSON.");
            }
        }
        return fromJson;
    }

    /** Where a selector reads, as an answer names it. */
    private static String where(Selector selector) {
        if (selector instanceof Selector.Header header) {
            return "the " + header.name() + " header";
        }
        if (selector instanceof Selector.Form form) {
            return "the form field " + form.field() + (form.json() == null ? "" : " at json:" + form.json().pointer());
        }
        return "json:" + ((Selector.Json) selector).pointer();
    }

    private static Map<String, List<String>> kept(Source source, Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!source.hides(lower)) {
                kept.merge(lower, values, (a, b) -> {
                    List<String> both = new ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        });
        return kept;
    }
}
