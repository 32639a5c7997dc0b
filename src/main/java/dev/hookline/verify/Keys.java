package dev.hookline.verify;

/**
 * A source's keys, as a verifier tries them: those of its configured secrets ({@link KeyRing}), and for senders that
 * hand their secret over in a handshake, those it learned ({@link LearnedKeyRing}).
 *
 * @param <K> the scheme's form of a key
 */
public interface Keys<K> {

    /** A test of one key against a request; the scheme's own rejection passes through. */
    @FunctionalInterface
    interface KeyTest<K> {
        boolean matches(K key) throws SignatureRejected;
    }

    /** Passes when a key matches; otherwise the request is refused as not matching. */
    void requireMatch(KeyTest<K> test) throws SignatureRejected;
}
