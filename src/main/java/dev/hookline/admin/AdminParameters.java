package dev.hookline.admin;

import dev.hookline.admin.AdminRequestRefused.InvalidParameter;
import dev.hookline.store.DeliveryStatus;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the admin API's query parameters, refusing a bad one with a message that says what is taken. */
final class AdminParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private AdminParameters() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static DeliveryStatus status(String name, String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name + " must be one of " + Arrays.toString(DeliveryStatus.values()) + ".");
        }
    }

    static int limit(String value) {
        String given = blankToNull(value);
        if (given == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("limit must be a number from 1 to " + MAX_LIMIT + ".");
    }

    /** A delivery id, as {@code after} or in the path; ids are lower-case UUIDs. */
    static String id(String name, String value) {
        String given = blankToNull(value);
        if (given != null && !ID.matcher(given).matches()) {
            throw new InvalidParameter(name + " must be a delivery id (a lower-case UUID).");
        }
        return given;
    }

    /** An ISO-8601 instant ({@code 2025-01-31T00:00:00Z}), or a duration back from now ({@code P30D}). */
    static Instant before(String value, Clock clock) {
        String given = blankToNull(value);
        if (given == null) {
            throw new InvalidParameter("before is required: an instant such as 2025-01-31T00:00:00Z or an age "
                    + "such as P30D.");
        }
        try {
            return given.startsWith("P") ? clock.instant().minus(Duration.parse(given)) : Instant.parse(given);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidParameter("before must be an instant such as 2025-01-31T00:00:00Z or an age such as "
                    + "P30D.");
        }
    }

    /** The chart's window: an ISO-8601 duration from one minute to one hour. */
    static Duration window(String value) {
        String given = blankToNull(value);
        if (given == null) {
            return Duration.ofHours(1);
        }
        try {
            Duration window = Duration.parse(given);
            if (window.compareTo(Duration.ofMinutes(1)) >= 0 && window.compareTo(Duration.ofHours(1)) <= 0) {
                return window;
            }
        } catch (DateTimeException e) {
            // answered below
        }
        throw new InvalidParameter("window must be an ISO-8601 duration from PT1M to PT1H.");
    }
}
