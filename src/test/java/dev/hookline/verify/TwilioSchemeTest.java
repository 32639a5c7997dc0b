package dev.hookline.verify;

import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.Requests.base64;
import static dev.hookline.verify.Requests.hex;
import static dev.hookline.verify.Requests.hmac;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookline.verify.Requests.Settings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioSchemeTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://hooks.example.com/twilio/sms?tenant=7";
    private static final String FORM = "To=%2B18005551212&From=%2B14158675309&Body=Hello+world%21";
    /** What Twilio signs for {@link #FORM}: the URL, then each parameter sorted by name, decoded. */
    private static final String SIGNED_FORM = "BodyHello world!From+14158675309To+18005551212";
    private static final String HEADER = "X-Twilio-Signature";
    private static final Scheme SCHEME = new TwilioScheme();

    private static String signature(String token, String content) {
        return base64(hmac("HmacSHA1", token.getBytes(UTF_8), content));
    }

    private static Requests form(String url, String signedUrl) {
        return Requests.body(FORM).url(url).header(HEADER, signature(TOKEN, signedUrl + SIGNED_FORM));
    }

    private static Requests form() {
        return form(URL, URL);
    }

    private static Verifier verifier() {
        return Settings.secrets(TOKEN).verifier(SCHEME);
    }

    @Test
    void formPostIsAccepted() {
        assertAccepted(verifier(), form());
    }

    @Test
    void tamperedParameterIsRefused() {
        assertRejected(MISMATCH, verifier(), form().tamper(FORM.replace("world", "there")));
    }

    @Test
    void repeatedNamesAreSortedByValue() {
        String body = "MediaUrl=b&To=1&MediaUrl=a";
        assertAccepted(verifier(), Requests.body(body).url(URL)
                .header(HEADER, signature(TOKEN, URL + "MediaUrlaMediaUrlbTo1")));
    }

    @Test
    void wrongTokenIsRefused() {
        assertRejected(MISMATCH, Settings.secrets("54321").verifier(SCHEME), form());
    }

    @Test
    void secondOfTwoTokensMatches() {
        assertAccepted(Settings.secrets("54321", TOKEN).verifier(SCHEME), form());
    }

    @Test
    void expiredTokenNoLongerMatches() {
        assertRejected(MISMATCH, Settings.secrets("54321").expired(TOKEN).verifier(SCHEME), form());
    }

    @Test
    void missingHeaderIsRefused() {
        assertRejected(MISSING, verifier(), form().without(HEADER));
    }

    @Test
    void duplicatedHeaderIsRefused() {
        assertRejected(MALFORMED, verifier(), form().header(HEADER, "AAAA"));
    }

    @Test
    void signatureThatIsNotBase64IsRefused() {
        assertRejected(MALFORMED, verifier(), form().replace(HEADER, "not base64!"));
    }

    @Test
    void badFormEncodingIsRefused() {
        assertRejected(MALFORMED, verifier(), form().tamper("To=%zz"));
    }

    @Test
    void withoutPublicUrlTheSignedUrlIsUnknown() {
        assertRejected(MALFORMED, verifier(), form().url(null));
    }

    @ParameterizedTest(name = "received {0}, signed {1}")
    @CsvSource({
            "https://h.example.com/t?a=1, https://h.example.com:443/t?a=1",
            "https://h.example.com:443/t?a=1, https://h.example.com/t?a=1",
            "http://h.example.com/t, http://h.example.com:80/t",
            "http://h.example.com:80, http://h.example.com",
            "https://user:pw@h.example.com/t, https://user:pw@h.example.com:443/t",
            "https://[2001:db8::1]:443/t, https://[2001:db8::1]/t"})
    void defaultPortMayBeAddedOrRemoved(String received, String signed) {
        assertAccepted(verifier(), form(received, signed));
    }

    @ParameterizedTest(name = "received {0}, signed {1}")
    @CsvSource({
            "https://h.example.com:8443/t, https://h.example.com/t",
            "https://h.example.com/t, https://h.example.com:8443/t",
            "http://h.example.com:443/t, http://h.example.com/t",
            "https://h.example.com:4430/t, https://h.example.com:443/t"})
    void otherPortsMustBeSignedAsReceived(String received, String signed) {
        assertRejected(MISMATCH, verifier(), form(received, signed));
    }

    @Test
    void jsonBodyIsCoveredByItsHashInTheUrl() {
        String body = "{\"property\":\"value\"}";
        String url = URL + "&bodySHA256=" + sha256Hex(body);
        Requests request = Requests.body(body).url(url).header(HEADER, signature(TOKEN, url));
        assertAccepted(verifier(), request);
        assertRejected(MISMATCH, verifier(), request.tamper("{\"property\":\"other\"}"));
    }

    @Test
    void bodyHashThatIsNotHexIsRefused() {
        String url = URL + "&bodySHA256=xyz";
        assertRejected(MALFORMED, verifier(), Requests.body("{}").url(url).header(HEADER, signature(TOKEN, url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.com/twilio", "ftp://hooks.example.com/twilio",
            "https://hooks.example.com/twilio?tenant=7", "https://hooks.example.com/twilio#sms"})
    void publicUrlMustBeAbsoluteWithoutQuery(String url) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Settings.secrets(TOKEN).option("public-url", url).verifier(SCHEME));
        assertTrue(error.getMessage().startsWith("hookline.source.test.public-url: "), error.getMessage());
    }

    @Test
    void publicUrlWithPathIsAccepted() {
        String url = "https://hooks.example.com:8443/api/webhooks/twilio";
        Verifier verifier = Settings.secrets(TOKEN).option("public-url", url).verifier(SCHEME);
        assertAccepted(verifier, form(url, url));
        assertRejected(MISMATCH, verifier, form(url, "https://hooks.example.com/api/webhooks/twilio"));
    }

    private static String sha256Hex(String body) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
