package dev.hookline.verify;

import java.util.List;
import java.util.Optional;

/**
 * Asana's handshake: when a webhook is created, Asana posts {@code X-Hook-Secret} and expects it back in the same
 * header; the secret then signs that webhook's events, and is never shown again. Anyone could post such a header, so
 * a secret is learned only while the operator's window is open ({@code asana.handshake-until}, set when creating the
 * webhook), and kept in the store for every node.
 */
final class AsanaHandshake implements Handshake {

    static final String HEADER = "X-Hook-Secret";
    static final String WINDOW = "asana.handshake-until";

    private final String source;
    private final LearnedSecrets learned;
    private final HandshakeWindow window;

    AsanaHandshake(SchemeSettings settings) {
        this.source = settings.source();
        this.learned = settings.learned();
        this.window = new HandshakeWindow(settings, WINDOW);
    }

    @Override
    public Optional<Challenge> unsigned(Unsigned request) {
        List<String> secrets = request.headers().all(HEADER);
        if (!"POST".equals(request.method()) || secrets == null || secrets.isEmpty()) {
            return Optional.empty();
        }
        Challenge closed = window.closed();
        if (closed != null) {
            return Optional.of(closed);
        }
        try {
            if (secrets.size() > 1) {
                throw new Challenge.ChallengeRefused(400, "The " + HEADER + " header was sent more than once.");
            }
            String secret = Challenge.echoable("the " + HEADER + " header", secrets.get(0));
            learned.learn(source, secret);
            return Optional.of(Challenge.withHeader(HEADER, secret));
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
