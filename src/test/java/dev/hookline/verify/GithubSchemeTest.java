package dev.hookline.verify;

import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.Requests.hex;
import static dev.hookline.verify.Requests.hmac;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hookline.verify.Requests.Settings;
import org.junit.jupiter.api.Test;

class GithubSchemeTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String BODY = "{\"action\":\"opened\"}";
    private static final Scheme SCHEME = new GithubScheme();

    private static String signature(String algorithm) {
        return hex(hmac(algorithm, SECRET.getBytes(UTF_8), BODY));
    }

    private static Requests signed(String algorithm, String header, String prefix) {
        return Requests.body(BODY).header(header, prefix + signature(algorithm));
    }

    private static Requests sha256() {
        return signed("HmacSHA256", "X-Hub-Signature-256", "sha256=");
    }

    private static Requests sha1() {
        return signed("HmacSHA1", "X-Hub-Signature", "sha1=");
    }

    @Test
    void sha256IsAccepted() {
        assertAccepted(Settings.secrets(SECRET).verifier(SCHEME), sha256());
    }

    @Test
    void tamperedBodyIsRefused() {
        assertRejected(MISMATCH, Settings.secrets(SECRET).verifier(SCHEME), sha256().tamper("{}"));
    }

    @Test
    void sha1IsRefusedUnlessTheSourceOptsIn() {
        assertRejected(MISSING, Settings.secrets(SECRET).verifier(SCHEME), sha1());
    }

    @Test
    void sha1IsAcceptedWithOptIn() {
        assertAccepted(Settings.secrets(SECRET).option("github.sha1", "true").verifier(SCHEME), sha1());
    }

    @Test
    void missingHeaderIsRefused() {
        assertRejected(MISSING, Settings.secrets(SECRET).verifier(SCHEME), Requests.body(BODY));
    }

    @Test
    void wrongPrefixIsRefused() {
        assertRejected(MALFORMED, Settings.secrets(SECRET).verifier(SCHEME),
                Requests.body(BODY).header("X-Hub-Signature-256", "sha1=" + signature("HmacSHA256")));
    }

    @Test
    void oddLengthHexIsRefused() {
        assertRejected(MALFORMED, Settings.secrets(SECRET).verifier(SCHEME),
                Requests.body(BODY).header("X-Hub-Signature-256", "sha256=abc"));
    }
}
