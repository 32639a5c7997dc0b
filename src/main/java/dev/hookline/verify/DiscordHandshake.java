package dev.hookline.verify;

import java.util.Optional;

/** Discord checks an interactions endpoint with a signed PING ({@code "type":1}) and expects a PONG back. */
final class DiscordHandshake implements Handshake {

    @Override
    public Optional<Challenge> signed(SignedRequest request) {
        return JsonBody.object(request.body())
                .filter(json -> "1".equals(JsonBody.text(json, "type")))
                .map(json -> Challenge.json("{\"type\":1}"));
    }
}
