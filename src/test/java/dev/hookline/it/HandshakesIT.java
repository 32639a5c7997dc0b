package dev.hookline.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handshakes the outside harness does not make, answered by the deployed server as each sender expects, never
 * stored: Dropbox's and Mailchimp's GETs, Okta's verification, Microsoft Graph's validation token, Discord's Webhook
 * Events PING; and Graph's notifications checked by their client state.
 */
@ExtendWith(ArquillianExtension.class)
class HandshakesIT {

    private static final HttpClient HTTP = Http.CLIENT;
    private static final String DISCORD_PUBLIC_KEY = HexFormat.of().formatHex(Base64.getDecoder()
            .decode(Signers.ED25519_PUBLIC_KEY.substring("whpk_".length())));
    private static final String CONFIGURATION = String.join("\n",
            "hookline.sources=dropbox,okta,graph,mailchimp,discord-events",
            "hookline.source.dropbox.scheme=dropbox",
            "hookline.source.dropbox.secrets=dropbox-app-secret",
            "hookline.source.okta.scheme=okta",
            "hookline.source.okta.secrets=Bearer okta-hook-secret",
            "hookline.source.graph.scheme=microsoft-graph",
            "hookline.source.graph.secrets=graph-client-state",
            "hookline.source.mailchimp.scheme=mailchimp",
            "hookline.source.mailchimp.secrets=hooks:mailchimp-pass",
            "hookline.source.discord-events.scheme=discord-events",
            "hookline.source.discord-events.secrets=" + DISCORD_PUBLIC_KEY,
            "");

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("handshakes", CONFIGURATION, Signers.class, Signers.Signer.class, Sender.class,
                Sender.Post.class, StoredDeliveries.class);
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> send(String pathAndQuery, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.uri(URI.create(new URL(base, "api/webhooks/" + pathAndQuery).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(pathAndQuery, request);
    }

    @Test
    void dropboxChallengeIsEchoedAsPlainTextWithNoSniff() throws Exception {
        HttpResponse<String> answer = get("dropbox?challenge=%3Cb%3Eb9e5c8%3C%2Fb%3E");
        assertEquals(200, answer.statusCode());
        assertEquals("<b>b9e5c8</b>", answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void oktaVerificationIsAnsweredForTheConfiguredAuthorizationOnly() throws Exception {
        HttpResponse<String> answer = get("okta", "X-Okta-Verification-Challenge", "Zx1bKe",
                "Authorization", "Bearer okta-hook-secret");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("{\"verification\":\"Zx1bKe\"}", answer.body());
        assertEquals(401, get("okta", "X-Okta-Verification-Challenge", "Zx1bKe", "Authorization", "Bearer guess")
                .statusCode());
    }

    @Test
    void mailchimpsUrlCheckIsAnsweredEmpty() throws Exception {
        HttpResponse<String> answer = get("mailchimp");
        assertEquals(200, answer.statusCode());
        assertEquals("", answer.body());
    }

    @Test
    void graphValidationTokenIsEchoedAndNotificationsNeedTheClientState() throws Exception {
        HttpResponse<String> validation = send("graph?validationToken=Validation%3A%20Testing%20client%20"
                + "application%20reachability", HttpRequest.newBuilder().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, validation.statusCode(), validation.body());
        assertEquals("Validation: Testing client application reachability", validation.body());

        String notification = "{\"value\":[{\"subscriptionId\":\"" + UUID.randomUUID()
                + "\",\"clientState\":\"graph-client-state\",\"changeType\":\"created\",\"resource\":\"Users/1\"}]}";
        assertEquals(202, new Sender(base).to("graph").body(notification).send().statusCode());
        assertEquals(401, new Sender(base).to("graph").body(notification.replace("graph-client-state", "guess"))
                .send().statusCode());
    }

    @Test
    void discordWebhookEventsPingGets204AndEventsAreStored() throws Exception {
        long now = Instant.now().getEpochSecond();
        String ping = "{\"version\":1,\"application_id\":\"1234567890\",\"type\":0}";
        HttpResponse<String> pong = new Sender(base).to("discord-events").body(ping)
                .header("X-Signature-Timestamp", Long.toString(now))
                .header("X-Signature-Ed25519", HexFormat.of().formatHex(Signers.ed25519((now + ping).getBytes(UTF_8))))
                .send();
        assertEquals(204, pong.statusCode(), pong.body());
        String event = "{\"version\":1,\"application_id\":\"1234567890\",\"type\":1,\"event\":{\"type\":"
                + "\"APPLICATION_AUTHORIZED\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{}}}";
        HttpResponse<String> stored = new Sender(base).to("discord-events").body(event)
                .header("X-Signature-Timestamp", Long.toString(now))
                .header("X-Signature-Ed25519", HexFormat.of().formatHex(Signers.ed25519((now + event).getBytes(UTF_8))))
                .send();
        assertEquals(202, stored.statusCode(), stored.body());
    }
}
