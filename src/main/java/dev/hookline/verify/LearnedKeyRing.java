package dev.hookline.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The configured secrets and those learned in handshakes, as keys. Learned ones are read from the store at the first
 * request and again when no key matches, at most once a second, so that a secret another node learned is found
 * without a restart and a flood of forged requests costs one read a second.
 *
 * @param <K> the scheme's form of a key
 */
final class LearnedKeyRing<K> implements Keys<K> {

    private static final long RELOAD_NANOS = 1_000_000_000L;

    private final SchemeSettings settings;
    private final Function<String, K> derive;
    private final KeyRing<K> configured;
    private volatile List<K> learned;
    private volatile long loadedAt;

    LearnedKeyRing(SchemeSettings settings, Function<String, K> derive) {
        this.settings = settings;
        this.derive = derive;
        this.configured = KeyRing.of(settings.secrets(), settings.clock(), derive);
    }

    @Override
    public void requireMatch(KeyTest<K> test) throws SignatureRejected {
        try {
            configured.requireMatch(test);
            return;
        } catch (SignatureRejected notConfigured) {
            // Try the learned ones.
        }
        List<K> keys = learned;
        if (keys == null) {
            keys = load();
        }
        if (matches(keys, test)) {
            return;
        }
        if (System.nanoTime() - loadedAt > RELOAD_NANOS && matches(load(), test)) {
            return;
        }
        throw SignatureRejected.mismatch();
    }

    private boolean matches(List<K> keys, KeyTest<K> test) throws SignatureRejected {
        for (K key : keys) {
            if (test.matches(key)) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<K> load() {
        List<K> keys = new ArrayList<>();
        for (String secret : settings.learned().of(settings.source())) {
            keys.add(derive.apply(secret));
        }
        learned = List.copyOf(keys);
        loadedAt = System.nanoTime();
        return learned;
    }
}
