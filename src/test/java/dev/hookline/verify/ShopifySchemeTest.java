package dev.hookline.verify;

import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.Requests.base64;
import static dev.hookline.verify.Requests.hex;
import static dev.hookline.verify.Requests.hmacSha256;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;

import dev.hookline.verify.Requests.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopifySchemeTest {

    private static final String SECRET = "test_secret_key";
    private static final String BODY = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
    private static final String HEADER = "X-Shopify-Hmac-Sha256";
    private static final Scheme SCHEME = Schemes.named("shopify").orElseThrow();

    private static Requests signed() {
        return Requests.body(BODY).header(HEADER, base64(hmacSha256(SECRET, BODY)));
    }

    private static Verifier verifier() {
        return Settings.secrets(SECRET).verifier(SCHEME);
    }

    @Test
    void validSignatureIsAccepted() {
        assertAccepted(verifier(), signed());
    }

    @Test
    void tamperedBodyIsRefused() {
        assertRejected(MISMATCH, verifier(), signed().tamper("{\"id\":1}"));
    }

    @Test
    void wrongSecretIsRefused() {
        assertRejected(MISMATCH, Settings.secrets("old_secret").verifier(SCHEME), signed());
    }

    @Test
    void secondOfTwoSecretsMatches() {
        assertAccepted(Settings.secrets("old_secret", SECRET).verifier(SCHEME), signed());
    }

    @Test
    void expiredSecretNoLongerMatches() {
        assertRejected(MISMATCH, Settings.secrets().expired(SECRET).verifier(SCHEME), signed());
    }

    @Test
    void missingHeaderIsRefused() {
        assertRejected(MISSING, verifier(), signed().without(HEADER));
    }

    @Test
    void duplicatedHeaderIsRefused() {
        assertRejected(MALFORMED, verifier(), signed().header(HEADER, "AAAA"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=="})
    void malformedSignatureIsRefused(String signature) {
        assertRejected(MALFORMED, verifier(), signed().replace(HEADER, signature));
    }

    @Test
    void hexInsteadOfBase64DoesNotMatch() {
        assertRejected(MISMATCH, verifier(), signed().replace(HEADER, hex(hmacSha256(SECRET, BODY))));
    }
}
