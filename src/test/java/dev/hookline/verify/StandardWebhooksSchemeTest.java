package dev.hookline.verify;

import static dev.hookline.verify.Requests.NOW;
import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.Requests.base64;
import static dev.hookline.verify.Requests.hmac;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;
import static dev.hookline.verify.SignatureRejected.Reason.STALE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.verify.Requests.Settings;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksSchemeTest {

    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String BODY = "{\"type\":\"invoice.paid\",\"amount\":4200}";
    /** 32 bytes, so that the base64 form ends in padding. */
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    static final String SECRET = "whsec_" + base64(KEY);
    private static final byte[] OTHER_KEY = "another key, another sender 1234".getBytes(UTF_8);
    private static final Scheme SCHEME = Schemes.named("standard-webhooks").orElseThrow();

    /** The headers a sender of the given family ({@code webhook} or {@code svix}) sends. */
    static Requests signed(String family, byte[] key, long timestamp) {
        return Requests.body(BODY)
                .header(family + "-id", ID)
                .header(family + "-timestamp", Long.toString(timestamp))
                .header(family + "-signature", v1(key, timestamp));
    }

    static String v1(byte[] key, long timestamp) {
        return "v1," + base64(hmac("HmacSHA256", key, ID + "." + timestamp + "." + BODY));
    }

    private static Requests signed() {
        return signed("webhook", KEY, NOW.getEpochSecond());
    }

    private static Verifier verifier() {
        return Settings.secrets(SECRET).verifier(SCHEME);
    }

    @Test
    void validSignatureIsAccepted() {
        assertAccepted(verifier(), signed());
    }

    @Test
    void secretWithoutPrefixOrPaddingIsAccepted() {
        String unpadded = base64(KEY).replace("=", "");
        assertAccepted(Settings.secrets(unpadded).verifier(SCHEME), signed());
    }

    @Test
    void tamperedBodyIsRefused() {
        assertRejected(MISMATCH, verifier(), signed().tamper("{\"type\":\"invoice.paid\",\"amount\":1}"));
    }

    @Test
    void wrongSecretIsRefused() {
        assertRejected(MISMATCH, Settings.secrets("whsec_" + base64(OTHER_KEY)).verifier(SCHEME), signed());
    }

    @Test
    void secondOfTwoSecretsMatches() {
        assertAccepted(Settings.secrets("whsec_" + base64(OTHER_KEY), SECRET).verifier(SCHEME), signed());
    }

    @Test
    void expiredSecretNoLongerMatches() {
        assertRejected(MISMATCH, Settings.secrets().expired(SECRET).verifier(SCHEME), signed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void missingHeaderIsRefused(String header) {
        assertRejected(MISSING, verifier(), signed().without(header));
    }

    @Test
    void svixHeaderNamesAreNotRead() {
        assertRejected(MISSING, verifier(), signed("svix", KEY, NOW.getEpochSecond()));
    }

    @Test
    void duplicatedSignatureHeaderIsRefused() {
        assertRejected(MALFORMED, verifier(), signed().header("webhook-signature", "v1,AAAA"));
    }

    @Test
    void anyEntryMayMatch() {
        String others = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,whatever  v1,!!! ";
        assertAccepted(verifier(), signed().replace("webhook-signature", others + v1(KEY, NOW.getEpochSecond())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "invalid_signature", "v1,",
            "v1,not*base64", "v1a,AAAA", "v1 Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="})
    void headerWithoutUsableEntryIsMalformed(String header) {
        assertRejected(MALFORMED, verifier(), signed().replace("webhook-signature", header));
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301})
    void timestampOutsideToleranceIsStale(long offset) {
        assertRejected(STALE, verifier(), signed("webhook", KEY, NOW.getEpochSecond() + offset));
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300})
    void timestampAtToleranceIsAccepted(long offset) {
        assertAccepted(verifier(), signed("webhook", KEY, NOW.getEpochSecond() + offset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "99999999999999999999", "-5", "1.7e9", "+1700000000"})
    void timestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
        assertRejected(MALFORMED, verifier(), signed().replace("webhook-timestamp", timestamp));
    }

    @Test
    void zeroToleranceDisablesTheAgeCheck() {
        assertAccepted(Settings.secrets(SECRET).tolerance(Duration.ZERO).verifier(SCHEME),
                signed("webhook", KEY, 12345));
    }

    @Test
    void ed25519SignatureIsAcceptedWithThePublicKey() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertAccepted(Settings.secrets(publicKey(pair)).verifier(SCHEME), ed25519Signed(pair));
    }

    @Test
    void everyGeneratedPublicKeyDecodes() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int i = 0; i < 16; i++) {
            KeyPair pair = generator.generateKeyPair();
            assertAccepted(Settings.secrets(publicKey(pair)).verifier(SCHEME), ed25519Signed(pair));
        }
    }

    @Test
    void ed25519SignatureOfAnotherKeyIsRefused() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        KeyPair configured = generator.generateKeyPair();
        assertRejected(MISMATCH, Settings.secrets(publicKey(configured)).verifier(SCHEME),
                ed25519Signed(generator.generateKeyPair()));
    }

    @Test
    void mixedSecretsCheckEachEntryAgainstItsOwnVersion() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Verifier verifier = Settings.secrets(publicKey(pair), SECRET).verifier(SCHEME);
        assertAccepted(verifier, signed());
        assertAccepted(verifier, ed25519Signed(pair));
    }

    @ParameterizedTest
    @ValueSource(strings = {"whsec_not*base64!", "whpk_c2hvcnQ=", "whpk_not*base64!",
            "whsk_6Xb/dCcHpPea21PS1N9VY/NZW723CEc77N4rJCubMbfVKIDij2HKpMKkioLlX0dRqSKJp4AJ6p9lMicMFs6Kvg==", "whsec_"})
    void badSecretFailsAtStartUpWithoutShowingIt(String secret) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Settings.secrets(secret).verifier(SCHEME));
        assertTrue(error.getMessage().startsWith("hookline.source.test.secrets: "), error.getMessage());
        String encoded = secret.substring(secret.indexOf('_') + 1);
        assertTrue(encoded.isEmpty() || !error.getMessage().contains(encoded), error.getMessage());
    }

    private static Requests ed25519Signed(KeyPair pair) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update((ID + "." + NOW.getEpochSecond() + "." + BODY).getBytes(UTF_8));
        return signed().replace("webhook-signature", "v1a," + base64(signer.sign()));
    }

    /** {@code whpk_} and the raw 32-byte key, which ends the X.509 encoding. */
    private static String publicKey(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return "whpk_" + base64(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }
}
