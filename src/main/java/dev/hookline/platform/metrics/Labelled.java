package dev.hookline.platform.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values by one label, created on first use and then found without allocating. Past {@code max} distinct labels,
 * further ones share the value of {@link #OTHER}, so that a sender cannot grow the registry without bound.
 */
final class Labelled<T> {

    static final String OTHER = "_other";

    private final Map<String, T> values = new ConcurrentHashMap<>();
    private final Supplier<T> factory;
    private final int max;

    Labelled(int max, Supplier<T> factory) {
        this.max = max;
        this.factory = factory;
    }

    T get(String label) {
        T value = values.get(label);
        if (value != null) {
            return value;
        }
        String key = values.size() < max ? label : OTHER;
        return values.computeIfAbsent(key, k -> factory.get());
    }

    Map<String, T> all() {
        return values;
    }
}
