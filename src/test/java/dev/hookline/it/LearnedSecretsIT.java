package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Senders that hand their secret over in a handshake, through the deployed server and its store: Asana's
 * {@code X-Hook-Secret} and Notion's verification token are learned only while the source's window is open, then sign
 * that sender's events; Notion's token is shown to an admin, and only while the window is open; no secret reaches a
 * log line.
 */
@ExtendWith(ArquillianExtension.class)
class LearnedSecretsIT {

    private static final String OPEN = Instant.now().plusSeconds(3600).toString();
    private static final String CLOSED = "2020-01-01T00:00:00Z";
    private static final String CONFIGURATION = TestAdmin.CONFIGURATION.replaceFirst("hookline.sources=",
            "hookline.sources=asana,asana-closed,notion,notion-closed,") + String.join("\n",
            "hookline.source.asana.scheme=asana",
            "hookline.source.asana.asana.handshake-until=" + OPEN,
            "hookline.source.asana-closed.scheme=asana",
            "hookline.source.asana-closed.asana.handshake-until=" + CLOSED,
            "hookline.source.notion.scheme=notion",
            "hookline.source.notion.notion.handshake-until=" + OPEN,
            "hookline.source.notion-closed.scheme=notion",
            "hookline.source.notion-closed.notion.handshake-until=" + CLOSED,
            "");

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("learned", CONFIGURATION, TestSources.class, TestAdmin.class, Sender.class,
                Sender.Post.class, AdminClient.class, LogCapture.class);
    }

    @ArquillianResource
    URL base;

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void asanasSecretIsLearnedInItsWindowAndSignsItsEvents() throws Exception {
        String secret = "asana-" + UUID.randomUUID();
        Sender sender = new Sender(base);
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> handshake = sender.to("asana").body("").header("X-Hook-Secret", secret).send();
            assertEquals(200, handshake.statusCode(), handshake.body());
            assertEquals(secret, handshake.headers().firstValue("X-Hook-Secret").orElse(""));

            String event = "{\"events\":[{\"action\":\"changed\",\"resource\":{\"gid\":\"" + UUID.randomUUID() + "\"}}]}";
            assertEquals(202, sender.to("asana").body(event).signWith(body -> hex(Sender.hmac("HmacSHA256", secret,
                    body)), "X-Hook-Signature").send().statusCode());
            assertEquals(401, sender.to("asana").body(event).signWith(body -> hex(Sender.hmac("HmacSHA256",
                    "guessed", body)), "X-Hook-Signature").send().statusCode());

            String refused = "asana-" + UUID.randomUUID();
            HttpResponse<String> closed = sender.to("asana-closed").body("").header("X-Hook-Secret", refused).send();
            assertEquals(403, closed.statusCode());
            assertTrue(closed.body().contains("urn:hookline:problem:handshake-refused"), closed.body());
            assertEquals(401, sender.to("asana-closed").body(event).signWith(body -> hex(Sender.hmac("HmacSHA256",
                    refused, body)), "X-Hook-Signature").send().statusCode(), "a refused handshake teaches nothing");
            assertNoLineHolds(logs.lines(), secret, refused);
        }
    }

    @Test
    void notionsTokenIsLearnedShownToAnAdminInItsWindowAndSignsItsEvents() throws Exception {
        String token = "secret_" + UUID.randomUUID();
        Sender sender = new Sender(base);
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> verification = sender.to("notion").body("{\"verification_token\":\"" + token + "\"}")
                    .send();
            assertEquals(200, verification.statusCode(), verification.body());

            AdminClient admin = AdminClient.as(base, TestAdmin.USER, TestAdmin.PASSWORD);
            HttpResponse<String> shown = admin.get("api/admin/sources/notion/learned-secrets");
            assertEquals(200, shown.statusCode(), shown.body());
            assertTrue(shown.body().contains(token), shown.body());
            assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(401, AdminClient.anonymous(base).get("api/admin/sources/notion/learned-secrets")
                    .statusCode());

            String event = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"page.created\",\"entity\":{}}";
            assertEquals(202, sender.to("notion").body(event).signWith(body -> "sha256=" + hex(Sender.hmac(
                    "HmacSHA256", token, body)), "X-Notion-Signature").send().statusCode());

            String refused = "secret_" + UUID.randomUUID();
            assertEquals(403, sender.to("notion-closed").body("{\"verification_token\":\"" + refused + "\"}").send()
                    .statusCode());
            HttpResponse<String> hidden = admin.get("api/admin/sources/notion-closed/learned-secrets");
            assertEquals(403, hidden.statusCode());
            assertFalse(hidden.body().contains("secret_"), hidden.body());
            assertNoLineHolds(logs.lines(), token, refused);
        }
    }

    private static void assertNoLineHolds(List<String> lines, String... secrets) {
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a log line holds a secret: " + line);
            }
        }
    }
}
