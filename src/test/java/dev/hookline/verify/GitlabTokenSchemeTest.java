package dev.hookline.verify;

import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;

import dev.hookline.verify.Requests.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GitlabTokenSchemeTest {

    private static final String TOKEN = "s3cr3t-token";
    private static final String HEADER = "X-Gitlab-Token";
    private static final Scheme SCHEME = Schemes.named("gitlab-token").orElseThrow();

    private static Requests sent(String token) {
        return Requests.body("{\"object_kind\":\"push\"}").header(HEADER, token).header("X-Gitlab-Event", "Push Hook");
    }

    private static Verifier verifier() {
        return Settings.secrets(TOKEN).verifier(SCHEME);
    }

    @Test
    void matchingTokenIsAccepted() {
        assertAccepted(verifier(), sent(TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3cr3t-tokeN", "s3cr3t", "s3cr3t-token ", "s3cr3t-token-and-more"})
    void otherTokenIsRefused(String token) {
        assertRejected(MISMATCH, verifier(), sent(token));
    }

    @Test
    void secondOfTwoTokensMatches() {
        assertAccepted(Settings.secrets("previous-token", TOKEN).verifier(SCHEME), sent(TOKEN));
    }

    @Test
    void expiredTokenNoLongerMatches() {
        assertRejected(MISMATCH, Settings.secrets("next-token").expired(TOKEN).verifier(SCHEME), sent(TOKEN));
    }

    @Test
    void missingTokenIsRefused() {
        assertRejected(MISSING, verifier(), sent(TOKEN).without(HEADER));
    }

    @Test
    void duplicatedTokenIsRefused() {
        assertRejected(MALFORMED, verifier(), sent(TOKEN).header(HEADER, TOKEN));
    }
}
