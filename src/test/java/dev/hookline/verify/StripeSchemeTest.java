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

class StripeSchemeTest {

    private static final String SECRET = "whsec_test_secret";
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}";
    private static final Scheme SCHEME = Schemes.named("stripe").orElseThrow();
    private static final long TS = NOW.getEpochSecond();

    /** The secret is the HMAC key as text, {@code whsec_} and all. */
    private static String v1(String secret, String timestamp) {
        return "v1=" + hex(hmacSha256(secret, timestamp + "." + BODY));
    }

    private static Requests signed(String header) {
        return Requests.body(BODY).header("Stripe-Signature", header);
    }

    private static Requests signedAt(long timestamp) {
        return signed("t=" + timestamp + "," + v1(SECRET, Long.toString(timestamp)));
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
        assertRejected(MISMATCH, verifier(), signedAt(TS).tamper("{\"id\":\"evt_2\"}"));
    }

    @Test
    void wrongSecretIsRefused() {
        assertRejected(MISMATCH, Settings.secrets("whsec_other").verifier(SCHEME), signedAt(TS));
    }

    @Test
    void secondOfTwoSecretsMatches() {
        assertAccepted(Settings.secrets("whsec_other", SECRET).verifier(SCHEME), signedAt(TS));
    }

    @Test
    void expiredSecretNoLongerMatches() {
        assertRejected(MISMATCH, Settings.secrets("whsec_other").expired(SECRET).verifier(SCHEME), signedAt(TS));
    }

    @Test
    void anyV1EntryMayMatchAndOthersAreIgnored() {
        String t = Long.toString(TS);
        assertAccepted(verifier(), signed("t=" + t + "," + v1("whsec_old", t) + ",v1=zz,v0=abcd," + v1(SECRET, t)));
    }

    @Test
    void missingHeaderIsRefused() {
        assertRejected(MISSING, verifier(), Requests.body(BODY));
    }

    @Test
    void duplicatedHeaderIsRefused() {
        assertRejected(MALFORMED, verifier(), signedAt(TS).header("Stripe-Signature", "t=1,v1=00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1=00", "t=1700000000", "t=1700000000,v0=00", "t=1700000000,v1=abc",
            "t=1700000000,v1=not-hex", "t=1700000000,t=1700000000,v1=00"})
    void headerWithoutTimestampOrUsableV1IsMalformed(String header) {
        assertRejected(MALFORMED, verifier(), signed(header));
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301})
    void timestampOutsideToleranceIsStale(long offset) {
        assertRejected(STALE, verifier(), signedAt(TS + offset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "99999999999999999999", "-5", ""})
    void timestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
        assertRejected(MALFORMED, verifier(), signed("t=" + timestamp + "," + v1(SECRET, timestamp)));
    }

    @Test
    void zeroToleranceDisablesTheAgeCheck() {
        assertAccepted(Settings.secrets(SECRET).tolerance(Duration.ZERO).verifier(SCHEME), signedAt(12345));
    }
}
