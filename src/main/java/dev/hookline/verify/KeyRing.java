package dev.hookline.verify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A source's keys, derived once from its secrets at start-up (decoded, MACs initialised) so that a request only
 * computes. Any key still in force may match: that is how senders rotate secrets without downtime.
 *
 * @param <K> the scheme's form of a key
 */
public final class KeyRing<K> implements Keys<K> {

    private record Entry<K>(K key, Instant notAfter) {
    }

    private final List<Entry<K>> entries;
    private final Clock clock;

    private KeyRing(List<Entry<K>> entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * For senders that send the shared value itself (a token, a client state, credentials): each secret as its SHA-256,
     * compared with the received value's, which takes the same time whatever their lengths.
     */
    public static KeyRing<byte[]> digests(SchemeSettings settings) {
        return of(settings.secrets(), settings.clock(),
                secret -> Digests.sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    public static <K> KeyRing<K> of(List<Secret> secrets, Clock clock, Function<String, K> derive) {
        List<Entry<K>> entries = secrets.stream()
                .map(secret -> new Entry<>(derive.apply(secret.value()), secret.notAfter()))
                .toList();
        return new KeyRing<>(entries, clock);
    }

    /** The first key still in force, for a handshake that must answer with one. */
    public K firstInForce() throws Challenge.ChallengeRefused {
        Instant now = clock.instant();
        for (Entry<K> entry : entries) {
            if (entry.notAfter() == null || now.isBefore(entry.notAfter())) {
                return entry.key();
            }
        }
        throw new Challenge.ChallengeRefused(403, "No secret of this source is in force.");
    }

    /** Passes when a key in force matches; otherwise the request is refused as not matching. */
    @Override
    public void requireMatch(KeyTest<K> test) throws SignatureRejected {
        Instant now = null;
        for (Entry<K> entry : entries) {
            if (entry.notAfter() != null) {
                now = now == null ? clock.instant() : now;
                if (!now.isBefore(entry.notAfter())) {
                    continue;
                }
            }
            if (test.matches(entry.key())) {
                return;
            }
        }
        throw SignatureRejected.mismatch();
    }
}
