package dev.hookline.source;

/**
 * How a source's sender wants a stored delivery acknowledged, when Hookline's own answer ({@code 202} or {@code 200}
 * with a small JSON body) will not do: Adyen, for one, wants {@code [accepted]}. Sent only once the delivery is
 * committed, for a new delivery and a duplicate alike.
 *
 * @param status      the 2xx status, or {@code null} for Hookline's ({@code 202} new, {@code 200} duplicate)
 * @param body        the body, or {@code null} for Hookline's JSON; never with {@code 204}
 * @param contentType the body's media type
 */
public record Acknowledgement(Integer status, String body, String contentType) {

    /** The media type of a body given without one. */
    static final String TEXT = "text/plain;charset=UTF-8";
}
