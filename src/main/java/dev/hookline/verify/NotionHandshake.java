package dev.hookline.verify;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Notion's verification: when a webhook subscription is created, Notion posts {@code {"verification_token":…}}
 * without a signature; the operator pastes that token into Notion to activate the subscription, and it then signs
 * every event. Learned, like Asana's secret, only while {@code notion.handshake-until} is in the future; the operator
 * reads it in the admin API, which shows learned secrets only while that window is open.
 */
final class NotionHandshake implements Handshake {

    static final String WINDOW = "notion.handshake-until";
    static final String SIGNATURE = "X-Notion-Signature";
    private static final String TOKEN = "verification_token";

    private final String source;
    private final LearnedSecrets learned;
    private final HandshakeWindow window;

    NotionHandshake(SchemeSettings settings) {
        this.source = settings.source();
        this.learned = settings.learned();
        this.window = new HandshakeWindow(settings, WINDOW);
    }

    @Override
    public boolean showsLearnedSecrets() {
        return window.open();
    }

    @Override
    public Optional<Challenge> unverified(SignedRequest request) {
        try {
            if (request.header(SIGNATURE) != null || !JsonBody.contains(request.body(), TOKEN)) {
                return Optional.empty();
            }
        } catch (SignatureRejected repeated) {
            return Optional.empty();
        }
        Optional<JsonObject> json = JsonBody.object(request.body()).filter(o -> o.size() == 1 && o.containsKey(TOKEN));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Challenge closed = window.closed();
        if (closed != null) {
            return Optional.of(closed);
        }
        try {
            String token = Challenge.echoable("the verification_token", JsonBody.text(json.get(), TOKEN));
            learned.learn(source, token);
            return Optional.of(Challenge.empty());
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
