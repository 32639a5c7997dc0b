package dev.hookline.verify;

import static dev.hookline.verify.Requests.base64;
import static dev.hookline.verify.Requests.hex;
import static dev.hookline.verify.Requests.hmacSha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Learned secrets kept in memory, standing in for the store's table. */
    private static final class Learned implements LearnedSecrets {
        final Map<String, List<String>> kept = new HashMap<>();

        @Override
        public List<String> of(String source) {
            return kept.getOrDefault(source, List.of());
        }

        @Override
        public void learn(String source, String secret) {
            kept.computeIfAbsent(source, s -> new ArrayList<>()).add(secret);
        }
    }

    private static SchemeSettings asana(Learned learned, String until) {
        SchemeSettings base = Requests.Settings.secrets().option("asana.handshake-until", until).build();
        return new SchemeSettings(base.source(), base.secrets(), base.tolerance(), base.clock(), base.options(),
                learned);
    }

    @Test
    void asanaSecretIsEchoedAndLearnedWhileTheWindowIsOpenThenSignsEvents() throws SignatureRejected {
        Learned learned = new Learned();
        SchemeSettings settings = asana(learned, Requests.NOW.plusSeconds(60).toString());
        Scheme scheme = Schemes.named("asana").orElseThrow();
        Challenge answer = scheme.handshake(settings).unsigned(new Call("POST")
                .header("X-Hook-Secret", "b537207f20cbfa02357cf448134da559")).orElseThrow();
        assertEquals(200, answer.status());
        assertEquals(Map.of("X-Hook-Secret", "b537207f20cbfa02357cf448134da559"), answer.headers());
        assertEquals(List.of("b537207f20cbfa02357cf448134da559"), learned.of("test"));

        Verifier verifier = scheme.verifier(settings);
        String body = "{\"events\":[{\"action\":\"changed\"}]}";
        verifier.verify(Requests.body(body).header("X-Hook-Signature",
                hex(hmacSha256("b537207f20cbfa02357cf448134da559", body))).build());
        assertThrows(SignatureRejected.class, () -> verifier.verify(Requests.body(body).header("X-Hook-Signature",
                hex(hmacSha256("another", body))).build()));
    }

    @Test
    void asanaSecretsAreNotLearnedOutsideTheWindow() {
        Learned learned = new Learned();
        Scheme scheme = Schemes.named("asana").orElseThrow();
        for (SchemeSettings closed : List.of(asana(learned, Requests.NOW.minusSeconds(1).toString()),
                new SchemeSettings("test", List.of(), java.time.Duration.ofMinutes(5),
                        java.time.Clock.fixed(Requests.NOW, java.time.ZoneOffset.UTC), name -> Optional.empty(),
                        learned))) {
            Challenge answer = scheme.handshake(closed).unsigned(new Call("POST").header("X-Hook-Secret", "x"))
                    .orElseThrow();
            assertEquals(403, answer.status());
        }
        assertEquals(Map.of(), learned.kept);
        Challenge twice = scheme.handshake(asana(learned, Requests.NOW.plusSeconds(60).toString()))
                .unsigned(new Call("POST").header("X-Hook-Secret", "a").header("X-Hook-Secret", "b")).orElseThrow();
        assertEquals(400, twice.status());
        Challenge crlf = scheme.handshake(asana(learned, Requests.NOW.plusSeconds(60).toString()))
                .unsigned(new Call("POST").header("X-Hook-Secret", "a\r\nSet-Cookie: b=c")).orElseThrow();
        assertEquals(400, crlf.status());
        assertEquals(Map.of(), learned.kept);
    }

    @Test
    void notionsVerificationTokenIsLearnedOnlyInTheWindowAndOnlyFromAnUnsignedVerification() {
        Learned learned = new Learned();
        Scheme notion = Schemes.named("notion").orElseThrow();
        SchemeSettings base = Requests.Settings.secrets()
                .option("notion.handshake-until", Requests.NOW.plusSeconds(60).toString()).build();
        SchemeSettings open = new SchemeSettings(base.source(), base.secrets(), base.tolerance(), base.clock(),
                base.options(), learned);
        Handshake handshake = notion.handshake(open);
        assertTrue(handshake.showsLearnedSecrets());
        assertTrue(handshake.unverified(Requests.body("{\"verification_token\":\"secret_a\"}")
                .header("X-Notion-Signature", "sha256=00").build()).isEmpty(), "a signed request is an event");
        assertTrue(handshake.unverified(Requests.body("{\"verification_token\":\"secret_a\",\"type\":\"x\"}")
                .build()).isEmpty(), "only the verification body is a verification");
        assertEquals(200, handshake.unverified(Requests.body("{\"verification_token\":\"secret_a\"}").build())
                .orElseThrow().status());
        assertEquals(List.of("secret_a"), learned.of("test"));

        SchemeSettings closed = new SchemeSettings(base.source(), base.secrets(), base.tolerance(),
                java.time.Clock.fixed(Requests.NOW.plusSeconds(61), java.time.ZoneOffset.UTC), base.options(), learned);
        Handshake late = notion.handshake(closed);
        assertFalse(late.showsLearnedSecrets());
        assertEquals(403, late.unverified(Requests.body("{\"verification_token\":\"secret_b\"}").build())
                .orElseThrow().status());
        assertEquals(List.of("secret_a"), learned.of("test"));
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
