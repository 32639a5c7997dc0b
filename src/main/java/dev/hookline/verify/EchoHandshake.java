package dev.hookline.verify;

import java.util.Optional;

/**
 * A challenge that any caller may ask and that proves only that the endpoint answers: Dropbox's
 * {@code GET ?challenge=}, Microsoft Graph's {@code ?validationToken=} (sent as a POST) and Mailchimp's bare
 * {@code GET}. The value comes back as plain text with {@code nosniff}, so it can never be read as markup.
 *
 * @param method    the method the sender uses
 * @param parameter the query parameter to echo, or {@code null} to answer an empty 200
 */
record EchoHandshake(String method, String parameter) implements Handshake {

    @Override
    public Optional<Challenge> unsigned(Unsigned request) {
        if (!method.equals(request.method())) {
            return Optional.empty();
        }
        if (parameter == null) {
            return Optional.of(Challenge.empty());
        }
        if (request.query(parameter).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Challenge.echo(Handshake.one(request, parameter)));
        } catch (Challenge.ChallengeRefused e) {
            return Optional.of(e.answer());
        }
    }
}
