package dev.hookline.admin;

import dev.hookline.store.DeliveryStatus;

/**
 * What a listing is narrowed to; {@code null} parts do not narrow.
 *
 * @param type an exact event type
 */
public record DeliveryFilter(String source, String type, DeliveryStatus status) {
}
