package dev.hookline.verify;

import static dev.hookline.verify.Requests.base64;
import static dev.hookline.verify.Requests.hex;
import static dev.hookline.verify.Requests.hmacSha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each scheme's handshake as its sender makes it: answered with what the sender expects, and refused when a value is
 * missing, repeated, too long or not the configured one. Expected answers are computed here independently.
 */
class HandshakesTest {

    private static final String SECRET = "s3cr3t-handshake-key";

    /** A GET (or POST) as it reaches the endpoint before any signature is checked. */
    private static final class Call implements Handshake.Unsigned {
        private final String method;
        private final Map<String, List<String>> query = new HashMap<>();
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Call(String method) {
            this.method = method;
        }

        Call query(String name, String value) {
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        Call header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public List<String> query(String name) {
            return query.getOrDefault(name, List.of());
        }

        @Override
        public SignedRequest.Headers headers() {
            return name -> headers.getOrDefault(name, List.of());
        }
    }

    private static Handshake handshake(String scheme, Requests.Settings settings) {
        return Schemes.named(scheme).orElseThrow().handshake(settings.build());
    }

    private static Challenge unsigned(String scheme, Requests.Settings settings, Call call) {
        return handshake(scheme, settings).unsigned(call).orElseThrow(() -> new AssertionError("not answered"));
    }

    private static Challenge signed(String scheme, Requests request) {
        return handshake(scheme, Requests.Settings.secrets(SECRET)).signed(request.build())
                .orElseThrow(() -> new AssertionError("not answered"));
    }

    @Test
    void slackUrlVerificationGetsItsChallengeBackAsText() {
        Challenge answer = signed("slack", Requests.body(
                "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"));
        assertEquals(200, answer.status());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"));
        assertTrue(answer.noSniff());
    }

    @Test
    void slackEventsAreNotHandshakes() {
        Requests event = Requests.body("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"text\":\"url_verification\"}");
        assertTrue(handshake("slack", Requests.Settings.secrets(SECRET)).signed(event.build()).isEmpty());
    }

    @Test
    void zoomUrlValidationGetsTheTokenAndItsHmac() {
        Challenge answer = signed("zoom", Requests.body(
                "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}"));
        assertEquals("{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
                + hex(hmacSha256(SECRET, "qgg8vlvZRS6UYooatFL8Aw")) + "\"}", answer.body());
        assertEquals(Challenge.JSON, answer.contentType());
    }

    @Test
    void zoomEscapesWhatItEchoesInJson() {
        Challenge answer = signed("zoom", Requests.body(
                "{\"payload\":{\"plainToken\":\"a\\\"b<script>\"},\"event\":\"endpoint.url_validation\"}"));
        assertTrue(answer.body().startsWith("{\"plainToken\":\"a\\\"b<script>\""), answer.body());
    }

    @Test
    void twitchCallbackVerificationGetsItsChallengeBack() {
        Challenge answer = signed("twitch", Requests.body("{\"challenge\":\"pogchamp-kappa-360noscope-vohiyo\","
                + "\"subscription\":{\"type\":\"channel.follow\"}}")
                .header("Twitch-Eventsub-Message-Type", "webhook_callback_verification"));
        assertEquals("pogchamp-kappa-360noscope-vohiyo", answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"));
    }

    @Test
    void twitchNotificationsAreEvents() {
        Requests notification = Requests.body("{\"challenge\":\"x\"}").header("Twitch-Eventsub-Message-Type", "notification");
        assertTrue(handshake("twitch", Requests.Settings.secrets(SECRET)).signed(notification.build()).isEmpty());
    }

    @Test
    void discordPingGetsPong() {
        Challenge answer = signed("discord", Requests.body("{\"id\":\"1\",\"type\":1,\"application_id\":\"2\"}"));
        assertEquals("{\"type\":1}", answer.body());
        assertTrue(handshake("discord", Requests.Settings.secrets(SECRET)).signed(
                Requests.body("{\"id\":\"1\",\"type\":2}").build()).isEmpty());
    }

    @Test
    void discordWebhookEventsPingGets204AndEventsAreStored() {
        Challenge answer = signed("discord-events", Requests.body("{\"version\":1,\"application_id\":\"2\",\"type\":0}"));
        assertEquals(204, answer.status());
        assertEquals(null, answer.body());
        assertTrue(handshake("discord-events", Requests.Settings.secrets(SECRET)).signed(Requests.body(
                "{\"version\":1,\"type\":1,\"event\":{\"type\":\"APPLICATION_AUTHORIZED\"}}").build()).isEmpty());
        assertTrue(handshake("discord", Requests.Settings.secrets(SECRET)).signed(Requests.body(
                "{\"version\":1,\"type\":0}").build()).isEmpty(), "an interactions endpoint has no type 0 PING");
    }

    @Test
    void wooCommercesUnsignedFormPingGets200AndSignedPostsAreVerified() {
        Handshake woo = handshake("woocommerce", Requests.Settings.secrets(SECRET));
        Challenge answer = woo.unsigned(new Call("POST")
                .header("Content-Type", "application/x-www-form-urlencoded")).orElseThrow();
        assertEquals(200, answer.status());
        assertEquals(null, answer.body());
        assertTrue(woo.unsigned(new Call("POST").header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-WC-Webhook-Signature", "abc")).isEmpty());
        assertTrue(woo.unsigned(new Call("POST").header("Content-Type", "application/json")).isEmpty());
        assertTrue(woo.unsigned(new Call("GET").header("Content-Type", "application/x-www-form-urlencoded")).isEmpty());
    }

    private static Requests.Settings meta() {
        return Requests.Settings.secrets(SECRET).option("verify-token", "meatball");
    }

    @Test
    void metaSubscriptionWithTheVerifyTokenGetsTheChallenge() {
        Challenge answer = unsigned("meta", meta(), new Call("GET").query("hub.mode", "subscribe")
                .query("hub.verify_token", "meatball").query("hub.challenge", "1158201444"));
        assertEquals(200, answer.status());
        assertEquals("1158201444", answer.body());
        assertTrue(answer.noSniff());
    }

    @Test
    void metaRefusesAnotherVerifyTokenAndMissingOrRepeatedParameters() {
        assertEquals(403, unsigned("meta", meta(), new Call("GET").query("hub.mode", "subscribe")
                .query("hub.verify_token", "meatbal").query("hub.challenge", "1")).status());
        assertEquals(400, unsigned("meta", meta(), new Call("GET").query("hub.mode", "subscribe")
                .query("hub.verify_token", "meatball")).status());
        assertEquals(400, unsigned("meta", meta(), new Call("GET").query("hub.mode", "subscribe")
                .query("hub.verify_token", "meatball").query("hub.challenge", "1").query("hub.challenge", "2"))
                .status());
        assertEquals(400, unsigned("meta", meta(), new Call("GET").query("hub.mode", "unsubscribe")
                .query("hub.verify_token", "meatball").query("hub.challenge", "1")).status());
        assertEquals(400, unsigned("meta", meta(), new Call("GET").query("hub.mode", "subscribe")
                .query("hub.verify_token", "meatball").query("hub.challenge", "9".repeat(Challenge.MAX_ECHO + 1)))
                .status());
        assertEquals(400, unsigned("meta", meta(), new Call("GET").query("hub.mode", "subscribe")
                .query("hub.verify_token", "meatball").query("hub.challenge", "a\r\nSet-Cookie: x=1")).status());
    }

    @Test
    void metaWithoutAVerifyTokenIsAConfigurationError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handshake("meta", Requests.Settings.secrets(SECRET)));
        assertTrue(e.getMessage().startsWith("hookline.source.test.verify-token"), e.getMessage());
    }

    @Test
    void xCrcGetsTheResponseToken() {
        Challenge answer = unsigned("x", Requests.Settings.secrets(SECRET), new Call("GET")
                .query("crc_token", "NjE4NTA2MDc4MjQwMjk1NDA1"));
        assertEquals("{\"response_token\":\"sha256=" + base64(hmacSha256(SECRET, "NjE4NTA2MDc4MjQwMjk1NDA1"))
                + "\"}", answer.body());
    }

    @Test
    void xCrcWithExpiredSecretsOnlyIsRefused() {
        assertEquals(403, unsigned("x", Requests.Settings.secrets().expired(SECRET), new Call("GET")
                .query("crc_token", "abc")).status());
    }

    @Test
    void dropboxChallengeIsEchoedAsTextWithNoSniff() {
        Challenge answer = unsigned("dropbox", Requests.Settings.secrets(SECRET), new Call("GET")
                .query("challenge", "<html>hi</html>"));
        assertEquals("<html>hi</html>", answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"));
        assertTrue(answer.noSniff());
    }

    @Test
    void aGetWithoutTheChallengeParameterIsNotAHandshake() {
        assertTrue(handshake("dropbox", Requests.Settings.secrets(SECRET)).unsigned(new Call("GET")).isEmpty());
        assertTrue(handshake("x", Requests.Settings.secrets(SECRET)).unsigned(new Call("GET")).isEmpty());
        assertTrue(handshake("meta", meta()).unsigned(new Call("GET")).isEmpty());
        assertTrue(handshake("meta", meta()).unsigned(new Call("POST").query("hub.mode", "subscribe")).isEmpty());
    }

    @Test
    void oktaVerificationNeedsTheConfiguredAuthorization() {
        Requests.Settings okta = Requests.Settings.secrets("Bearer okta-shared-secret");
        Challenge answer = unsigned("okta", okta, new Call("GET")
                .header("X-Okta-Verification-Challenge", "X8kdLsPq").header("Authorization", "Bearer okta-shared-secret"));
        assertEquals("{\"verification\":\"X8kdLsPq\"}", answer.body());
        assertEquals(401, unsigned("okta", okta, new Call("GET")
                .header("X-Okta-Verification-Challenge", "X8kdLsPq").header("Authorization", "Bearer other")).status());
        assertEquals(401, unsigned("okta", okta, new Call("GET")
                .header("X-Okta-Verification-Challenge", "X8kdLsPq")).status());
    }

    @Test
    void microsoftGraphValidationTokenIsEchoedOnPost() {
        Challenge answer = unsigned("microsoft-graph", Requests.Settings.secrets(SECRET), new Call("POST")
                .query("validationToken", "Validation: Testing client application reachability for subscription Request-Id: 1"));
        assertEquals("Validation: Testing client application reachability for subscription Request-Id: 1",
                answer.body());
        assertTrue(answer.contentType().startsWith("text/plain"));
        assertTrue(handshake("microsoft-graph", Requests.Settings.secrets(SECRET)).unsigned(new Call("POST"))
                .isEmpty());
    }

    @Test
    void mailchimpsBareGetIsAnsweredEmpty() {
        Challenge answer = unsigned("mailchimp", Requests.Settings.secrets("hook:pass"), new Call("GET"));
        assertEquals(200, answer.status());
        assertEquals(null, answer.body());
    }

    @Test
    void schemesWithoutHandshakesHaveNone() {
        for (String scheme : List.of("stripe", "shopify", "github", "hmac", "twilio", "svix")) {
            Requests.Settings settings = Requests.Settings.secrets(SECRET);
            if (scheme.equals("twilio")) {
                settings.option("public-url", "https://example.com/hook");
            }
            assertEquals(Optional.empty(), Optional.ofNullable(handshake(scheme, settings)), scheme);
        }
    }
}
