package dev.hookline.crash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An outside harness, as an operator registers endpoints: the standalone WAR exactly as built, on Payara Micro 6 under
 * this JDK and, unchanged, on Payara Micro 7 (Jakarta EE 11) under the JDK 25 at {@code crash.jdk25}, with its sources
 * configured only through environment variables. Slack, Meta, Zoom, Twitch, X and Discord each register
 * the endpoint by their handshake, which is answered and not stored, and then deliver an event signed as each signs,
 * which is stored and acknowledged. Signatures are computed here with the JDK, independently of Hookline.
 */
class ProviderHandshakesIT {

    private static final HttpClient HTTP = PayaraMicro.http11();
    private static final String SLACK = "slack-signing-secret-0123";
    private static final String ZOOM = "zoom-secret-token-4567";
    private static final String TWITCH = "twitch-eventsub-secret-89";
    private static final String META = "meta-app-secret-abcdef";
    private static final String META_VERIFY_TOKEN = "meta-verify-token-42";
    private static final String X = "x-consumer-secret-ghijkl";

    private final Path dir = Path.of("target", "crash").toAbsolutePath();
    private PayaraMicro node;
    private String base;

    /** A Payara Micro and the JDK it runs on. */
    record Server(String name, String javaHome, String microJar) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Server> servers() {
        String jdk25 = System.getProperty("crash.jdk25");
        if (jdk25 == null || !Files.isExecutable(Path.of(jdk25, "bin", "java"))) {
            throw new IllegalStateException("crash.jdk25 must name a JDK 25 for Payara Micro 7: " + jdk25);
        }
        return List.of(new Server("Payara Micro 6 on JDK " + Runtime.version().feature(),
                        System.getProperty("java.home"), "payara-micro.jar"),
                new Server("Payara Micro 7 on JDK 25", jdk25, "payara-micro-7.jar"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void eachProviderRegistersByItsHandshakeAndDeliversSignedEvents(Server server) throws Exception {
        KeyPair discord = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = discord.getPublic().getEncoded();
        String discordPublicKey = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32,
                encoded.length));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HOOKLINE_SOURCES", "slack,meta,zoom,twitch,x,discord");
        environment.put("HOOKLINE_SOURCE_SLACK_SCHEME", "slack");
        environment.put("HOOKLINE_SOURCE_SLACK_SECRETS", SLACK);
        environment.put("HOOKLINE_SOURCE_META_SCHEME", "meta");
        environment.put("HOOKLINE_SOURCE_META_SECRETS", META);
        environment.put("HOOKLINE_SOURCE_META_VERIFY_TOKEN", META_VERIFY_TOKEN);
        environment.put("HOOKLINE_SOURCE_ZOOM_SCHEME", "zoom");
        environment.put("HOOKLINE_SOURCE_ZOOM_SECRETS", ZOOM);
        environment.put("HOOKLINE_SOURCE_TWITCH_SCHEME", "twitch");
        environment.put("HOOKLINE_SOURCE_TWITCH_SECRETS", TWITCH);
        environment.put("HOOKLINE_SOURCE_X_SCHEME", "x");
        environment.put("HOOKLINE_SOURCE_X_SECRETS", X);
        environment.put("HOOKLINE_SOURCE_DISCORD_SCHEME", "discord");
        environment.put("HOOKLINE_SOURCE_DISCORD_SECRETS", discordPublicKey);

        int port = PayaraMicro.freePort();
        node = new PayaraMicro("handshakes-" + server.microJar().replace(".jar", ""), port, dir,
                Path.of("target", "hookline.war").toAbsolutePath(),
                Path.of(System.getProperty("crash.lib", dir.resolve("lib").toString())), "slack")
                .runningOn(Path.of(server.javaHome()), server.microJar());
        node.deleteEarlierRuns();
        node.start(null, environment);
        node.awaitBooted(Duration.ofMinutes(4));
        base = "http://127.0.0.1:" + port + "/api/webhooks/";

        // Slack: url_verification, then an event.
        long now = Instant.now().getEpochSecond();
        String verification = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3g\","
                + "\"type\":\"url_verification\"}";
        HttpResponse<String> answer = post("slack", verification, Map.of("X-Slack-Request-Timestamp", "" + now,
                "X-Slack-Signature", "v0=" + hex(hmac(SLACK, "v0:" + now + ":" + verification))));
        assertAnswer(200, "3eZbrw1aBm2rZgRNFdxV2595E9CY3g", answer);
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
        String event = "{\"type\":\"event_callback\",\"event_id\":\"Ev" + UUID.randomUUID() + "\",\"event\":{}}";
        assertEquals(202, post("slack", event, Map.of("X-Slack-Request-Timestamp", "" + now,
                "X-Slack-Signature", "v0=" + hex(hmac(SLACK, "v0:" + now + ":" + event)))).statusCode());

        // Meta: the GET subscription check, then a signed change.
        assertAnswer(200, "1158201444", get("meta", "hub.mode=subscribe&hub.verify_token=" + META_VERIFY_TOKEN
                + "&hub.challenge=1158201444"));
        assertEquals(403, get("meta", "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").statusCode());
        String change = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + UUID.randomUUID() + "\",\"changes\":[]}]}";
        assertEquals(202, post("meta", change, Map.of("X-Hub-Signature-256", "sha256=" + hex(hmac(META, change))))
                .statusCode());

        // Zoom: endpoint.url_validation, then an event.
        String validation = "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,"
                + "\"event\":\"endpoint.url_validation\"}";
        assertAnswer(200, "{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
                + hex(hmac(ZOOM, "qgg8vlvZRS6UYooatFL8Aw")) + "\"}", post("zoom", validation, zoom(validation, now)));
        String meeting = "{\"event\":\"meeting.started\",\"event_ts\":" + System.nanoTime() + ",\"payload\":{}}";
        // Zoom counts only 200 and 204 as delivered: its scheme answers a stored event 200, without a body.
        assertAnswer(200, "", post("zoom", meeting, zoom(meeting, now)));

        // Twitch: webhook_callback_verification, then a notification.
        String callback = "{\"challenge\":\"pogchamp-kappa-360noscope-vohiyo\",\"subscription\":{\"type\":\"channel.follow\"}}";
        assertAnswer(200, "pogchamp-kappa-360noscope-vohiyo", post("twitch", callback,
                twitch(callback, "webhook_callback_verification")));
        String follow = "{\"subscription\":{\"type\":\"channel.follow\"},\"event\":{\"user_id\":\"1337\"}}";
        assertEquals(202, post("twitch", follow, twitch(follow, "notification")).statusCode());

        // X: the CRC, then an account activity event.
        assertAnswer(200, "{\"response_token\":\"sha256=" + base64(hmac(X, "NjE4NTA2MDc4MjQwMjk1NDA1")) + "\"}",
                get("x", "crc_token=NjE4NTA2MDc4MjQwMjk1NDA1"));
        String activity = "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[{\"id_str\":\"" + UUID.randomUUID()
                + "\"}]}";
        assertEquals(202, post("x", activity, Map.of("x-twitter-webhooks-signature", "sha256="
                + base64(hmac(X, activity)))).statusCode());

        // Discord: PING, then an interaction.
        String ping = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":1,\"application_id\":\"11\",\"version\":1}";
        assertAnswer(200, "{\"type\":1}", post("discord", ping, discord(discord, ping, now)));
        String command = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":2,\"data\":{\"name\":\"hello\"}}";
        assertEquals(202, post("discord", command, discord(discord, command, now)).statusCode());
        String forged = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":1}";
        assertEquals(401, post("discord", forged, discord(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
                forged, now)).statusCode());

        // Six handshakes answered (and one refused), none stored; one event per provider stored.
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String source : new String[] {"slack", "zoom", "twitch", "x", "discord"}) {
            assertTrue(metrics.contains("hookline_handshakes_total{source=\"" + source + "\"} 1"), source + "\n"
                    + metrics);
            assertTrue(metrics.contains("hookline_received_total{source=\"" + source + "\"} 1"), source + "\n"
                    + metrics);
        }
        assertTrue(metrics.contains("hookline_handshakes_total{source=\"meta\"} 2"), metrics);
        assertTrue(metrics.contains("hookline_received_total{source=\"meta\"} 1"), metrics);
    }

    private Map<String, String> zoom(String body, long now) throws GeneralSecurityException {
        return Map.of("x-zm-request-timestamp", "" + now,
                "x-zm-signature", "v0=" + hex(hmac(ZOOM, "v0:" + now + ":" + body)));
    }

    private Map<String, String> twitch(String body, String type) throws GeneralSecurityException {
        String id = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString();
        return Map.of("Twitch-Eventsub-Message-Id", id, "Twitch-Eventsub-Message-Timestamp", timestamp,
                "Twitch-Eventsub-Message-Type", type, "Twitch-Eventsub-Subscription-Type", "channel.follow",
                "Twitch-Eventsub-Message-Signature", "sha256=" + hex(hmac(TWITCH, id + timestamp + body)));
    }

    private static Map<String, String> discord(KeyPair key, String body, long now) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key.getPrivate());
        signature.update((now + body).getBytes(UTF_8));
        return Map.of("X-Signature-Timestamp", "" + now, "X-Signature-Ed25519", hex(signature.sign()));
    }

    private HttpResponse<String> post(String source, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + source))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String source, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + source + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswer(int status, String body, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(body, answer.body());
    }

    private static byte[] hmac(String secret, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @AfterEach
    void stopNode() throws InterruptedException {
        if (node != null) {
            node.stop();
        }
    }
}
