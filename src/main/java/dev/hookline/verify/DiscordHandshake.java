package dev.hookline.verify;

import java.util.Optional;

/**
 * Discord checks an endpoint with a signed PING. An interactions endpoint gets {@code {"type":1}} and expects a PONG,
 * {@code {"type":1}}; a Webhook Events endpoint gets {@code {"type":0}} and expects 204.
 *
 * @param pingType the type of the PING: 1 for interactions, 0 for Webhook Events
 */
record DiscordHandshake(int pingType) implements Handshake {

    static final DiscordHandshake INTERACTIONS = new DiscordHandshake(1);
    static final DiscordHandshake WEBHOOK_EVENTS = new DiscordHandshake(0);

    @Override
    public Optional<Challenge> signed(SignedRequest request) {
        return JsonBody.object(request.body())
                .filter(json -> String.valueOf(pingType).equals(JsonBody.text(json, "type")))
                .map(json -> pingType == 1 ? Challenge.json("{\"type\":1}") : new Challenge(204, null, null, false));
    }
}
