package dev.hookline.verify;

import static dev.hookline.verify.Requests.NOW;
import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.Requests.hex;
import static dev.hookline.verify.Requests.hmacSha256;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;
import static dev.hookline.verify.SignatureRejected.Reason.STALE;

import dev.hookline.verify.Requests.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlackSchemeTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "token=xyz&team_id=T1&command=%2Fdeploy&text=now";
    private static final Scheme SCHEME = Schemes.named("slack").orElseThrow();
    private static final long TS = NOW.getEpochSecond();

    private static String signature(String secret, String timestamp) {
        return "v0=" + hex(hmacSha256(secret, "v0:" + timestamp + ":" + BODY));
    }

    private static Requests signed(String timestamp, String signature) {
        return Requests.body(BODY)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature);
    }

    private static Requests signedAt(long timestamp) {
        String t = Long.toString(timestamp);
        return signed(t, signature(SECRET, t));
    }

    private static Verifier verifier() {
        return Settings.secrets(SECRET).verifier(SCHEME);
    }

    @Test
    void validSignatureIsAccepted() {
        assertAccepted(verifier(), signedAt(TS));
    }

    @Test
    void tamperedBodyIsRefused() {
        assertRejected(MISMATCH, verifier(), signedAt(TS).tamper(BODY.replace("now", "later")));
    }

    @Test
    void wrongSecretIsRefused() {
        assertRejected(MISMATCH, Settings.secrets("another").verifier(SCHEME), signedAt(TS));
    }

    @Test
    void secondOfTwoSecretsMatches() {
        assertAccepted(Settings.secrets("another", SECRET).verifier(SCHEME), signedAt(TS));
    }

    @Test
    void expiredSecretNoLongerMatches() {
        assertRejected(MISMATCH, Settings.secrets().expired(SECRET).verifier(SCHEME), signedAt(TS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Slack-Signature", "X-Slack-Request-Timestamp"})
    void missingHeaderIsRefused(String header) {
        assertRejected(MISSING, verifier(), signedAt(TS).without(header));
    }

    @Test
    void duplicatedSignatureHeaderIsRefused() {
        assertRejected(MALFORMED, verifier(), signedAt(TS).header("X-Slack-Signature", "v0=00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1=00", "a2114d57b48eac39", "v0=", "v0=abc", "v0=not-hex!"})
    void malformedSignatureIsRefused(String signature) {
        assertRejected(MALFORMED, verifier(), signed(Long.toString(TS), signature));
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301})
    void timestampOutsideToleranceIsStale(long offset) {
        assertRejected(STALE, verifier(), signedAt(TS + offset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "99999999999999999999", "-5", "1.7e9"})
    void timestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
        assertRejected(MALFORMED, verifier(), signed(timestamp, signature(SECRET, timestamp)));
    }

    @Test
    void zeroToleranceDisablesTheAgeCheck() {
        assertAccepted(Settings.secrets(SECRET).tolerance(Duration.ZERO).verifier(SCHEME), signedAt(12345));
    }
}
