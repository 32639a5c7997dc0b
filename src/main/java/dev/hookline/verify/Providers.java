package dev.hookline.verify;

import static dev.hookline.verify.SignedContent.BODY;
import static dev.hookline.verify.SignedContent.METHOD;
import static dev.hookline.verify.SignedContent.TIMESTAMP;
import static dev.hookline.verify.SignedContent.URL;
import static dev.hookline.verify.SignedContent.header;
import static dev.hookline.verify.SignedContent.text;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The providers whose schemes are data: each row says how the provider signs, where its event type, action and
 * delivery id are, and how it answers handshakes. The providers whose algorithm truly differs have classes of their
 * own, listed in {@link Schemes}.
 */
final class Providers {

    private static final String SHA1 = "HmacSHA1";
    private static final String SHA256 = "HmacSHA256";
    private static final String SHA512 = "HmacSHA512";
    private static final String HEX = "hex";
    private static final String BASE64 = "base64";
    /** DocuSign sends one signature header per Connect key, numbered from 1; an account holds at most 100 keys. */
    private static final List<String> DOCUSIGN_HEADERS = IntStream.rangeClosed(1, 100)
            .mapToObj(i -> "X-DocuSign-Signature-" + i).toList();

    private Providers() {
    }

    static List<Scheme> all() {
        // Svix may send the webhook-* names too; when a request carries webhook-signature those are read.
        Provider svix = Provider.of("svix", settings -> new StandardWebhooksVerifier(settings, List.of(
                        StandardWebhooksVerifier.HeaderNames.WEBHOOK, StandardWebhooksVerifier.HeaderNames.SVIX)),
                        "svix-signature", "webhook-signature")
                .events("json:/type", null, "header:svix-id");
        // Svix's own header names are read by the svix scheme only, so that a source states which sender it expects.
        Provider standardWebhooks = Provider.of("standard-webhooks", settings -> new StandardWebhooksVerifier(settings,
                        List.of(StandardWebhooksVerifier.HeaderNames.WEBHOOK)), "webhook-signature")
                .events("json:/type", null, "header:webhook-id");
        Provider basicAuth = Provider.of("basic-auth", BasicAuthVerifier::new);
        return List.of(
                // Signed strings with timestamps.
                Provider.hmac("slack", HmacRecipe.ofBody("X-Slack-Signature", "v0=", SHA256, HEX)
                                .signing(text("v0:"), TIMESTAMP, text(":"), BODY)
                                .timestampAt(TimestampAt.header("X-Slack-Request-Timestamp")))
                        .events("json:/type", null, "json:/event_id")
                        .posting(Set.of("application/x-www-form-urlencoded", "application/json"))
                        .answering(settings -> new SlackHandshake()),
                Provider.hmac("stripe", HmacRecipe.ofBody("Stripe-Signature", "", SHA256, HEX)
                                .written(SignatureFormat.stripeShaped())
                                .signing(TIMESTAMP, text("."), BODY).timestampAt(TimestampAt.inSignature()))
                        .events("json:/type", null, "json:/id"),
                Provider.hmac("calendly", HmacRecipe.ofBody("Calendly-Webhook-Signature", "", SHA256, HEX)
                                .written(SignatureFormat.stripeShaped())
                                .signing(TIMESTAMP, text("."), BODY).timestampAt(TimestampAt.inSignature()))
                        .events("json:/event", null, null),
                Provider.hmac("mux", HmacRecipe.ofBody("Mux-Signature", "", SHA256, HEX)
                                .written(SignatureFormat.stripeShaped())
                                .signing(TIMESTAMP, text("."), BODY).timestampAt(TimestampAt.inSignature()))
                        .events("json:/type", null, "json:/id"),
                Provider.hmac("paddle", HmacRecipe.ofBody("Paddle-Signature", "", SHA256, HEX)
                                .written(new SignatureFormat.Fields(';', "ts", "h1"))
                                .signing(TIMESTAMP, text(":"), BODY).timestampAt(TimestampAt.inSignature()))
                        .events("json:/event_type", null, "json:/event_id"),
                Provider.hmac("zoom", HmacRecipe.ofBody("x-zm-signature", "v0=", SHA256, HEX)
                                .signing(text("v0:"), TIMESTAMP, text(":"), BODY)
                                .timestampAt(TimestampAt.header("x-zm-request-timestamp")))
                        .events("json:/event", null, null)
                        .answering(ZoomHandshake::new)
                        .acknowledgedWith(200),
                Provider.hmac("twitch", HmacRecipe.ofBody("Twitch-Eventsub-Message-Signature", "sha256=", SHA256, HEX)
                                .signing(header("Twitch-Eventsub-Message-Id"), TIMESTAMP, BODY)
                                .timestampAt(TimestampAt.header("Twitch-Eventsub-Message-Timestamp",
                                        TimestampAt.Unit.RFC3339)))
                        .events("header:Twitch-Eventsub-Subscription-Type", null, "header:Twitch-Eventsub-Message-Id")
                        .answering(settings -> new TwitchHandshake())
                        .tolerating(Duration.ofMinutes(10)),
                Provider.hmac("hubspot", HmacRecipe.ofBody("X-HubSpot-Signature-v3", "", SHA256, BASE64)
                                .signing(METHOD, URL, BODY, TIMESTAMP)
                                .timestampAt(TimestampAt.header("X-HubSpot-Request-Timestamp",
                                        TimestampAt.Unit.MILLISECONDS)))
                        .events(null, null, null)
                        // v1 and v2 signatures, sent alongside v3 for older receivers.
                        .hiding("X-HubSpot-Signature", "X-HubSpot-Signature-Version"),
                Provider.hmac("zendesk", HmacRecipe.ofBody("X-Zendesk-Webhook-Signature", "", SHA256, BASE64)
                                .signing(TIMESTAMP, BODY)
                                .timestampAt(TimestampAt.header("X-Zendesk-Webhook-Signature-Timestamp",
                                        TimestampAt.Unit.RFC3339)))
                        .events("json:/type", null, "header:X-Zendesk-Webhook-Invocation-Id"),
                // The URL and the body.
                Provider.hmac("square", HmacRecipe.ofBody("x-square-hmacsha256-signature", "", SHA256, BASE64)
                                .signing(URL, BODY))
                        .events("json:/type", null, "json:/event_id")
                        // The older HMAC-SHA1 signature Square still sends.
                        .hiding("x-square-signature"),
                // The body alone.
                Provider.hmac("shopify", HmacRecipe.ofBody("X-Shopify-Hmac-Sha256", "", SHA256, BASE64))
                        .events("header:X-Shopify-Topic", null, "header:X-Shopify-Webhook-Id"),
                Provider.hmac("meta", HmacRecipe.ofBody("X-Hub-Signature-256", "sha256=", SHA256, HEX))
                        .events("json:/object", null, null)
                        .answering(MetaHandshake::new),
                Provider.hmac("x", HmacRecipe.ofBody("x-twitter-webhooks-signature", "sha256=", SHA256, BASE64))
                        .answering(CrcHandshake::new),
                Provider.hmac("dropbox", HmacRecipe.ofBody("X-Dropbox-Signature", "", SHA256, HEX))
                        .answering(settings -> new EchoHandshake("GET", "challenge")),
                Provider.hmac("intercom", HmacRecipe.ofBody("X-Hub-Signature", "sha1=", SHA1, HEX))
                        .events("json:/topic", null, "json:/id"),
                Provider.hmac("linear", HmacRecipe.ofBody("Linear-Signature", "", SHA256, HEX)
                                .timestampAt(TimestampAt.inBody("webhookTimestamp", TimestampAt.Unit.MILLISECONDS)))
                        .events("json:/type", "json:/action", "header:Linear-Delivery"),
                Provider.hmac("typeform", HmacRecipe.ofBody("Typeform-Signature", "sha256=", SHA256, BASE64))
                        .events("json:/event_type", null, "json:/event_id"),
                Provider.hmac("sentry", HmacRecipe.ofBody("Sentry-Hook-Signature", "", SHA256, HEX))
                        .events("header:Sentry-Hook-Resource", "json:/action", "header:Request-ID"),
                Provider.hmac("vercel", HmacRecipe.ofBody("x-vercel-signature", "", SHA1, HEX))
                        .events("json:/type", null, "json:/id"),
                Provider.hmac("xero", HmacRecipe.ofBody("x-xero-signature", "", SHA256, BASE64))
                        .acknowledgedWith(200),
                Provider.hmac("quickbooks", HmacRecipe.ofBody("intuit-signature", "", SHA256, BASE64)),
                Provider.hmac("jira", HmacRecipe.ofBody("X-Hub-Signature", "sha256=", SHA256, HEX))
                        .events("json:/webhookEvent", null, "header:X-Atlassian-Webhook-Identifier"),
                Provider.hmac("bitbucket", HmacRecipe.ofBody("X-Hub-Signature", "sha256=", SHA256, HEX))
                        .events("header:X-Event-Key", null, "header:X-Request-UUID"),
                Provider.hmac("docusign", HmacRecipe.ofBody("X-DocuSign-Signature-1", "", SHA256, BASE64)
                                .inHeaders(DOCUSIGN_HEADERS))
                        .events("json:/event", null, null),
                Provider.hmac("pagerduty", HmacRecipe.ofBody("X-PagerDuty-Signature", "", SHA256, HEX)
                                .written(new SignatureFormat.Fields(',', null, "v1")))
                        .events("json:/event/event_type", null, "json:/event/id"),
                Provider.hmac("circleci", HmacRecipe.ofBody("circleci-signature", "", SHA256, HEX)
                                .written(new SignatureFormat.Fields(',', null, "v1")))
                        .events("json:/type", null, "json:/id"),
                Provider.hmac("woocommerce", HmacRecipe.ofBody("X-WC-Webhook-Signature", "", SHA256, BASE64))
                        .events("header:X-WC-Webhook-Topic", null, "header:X-WC-Webhook-Delivery-ID")
                        .answering(settings -> new UnsignedPing("X-WC-Webhook-Signature",
                                "application/x-www-form-urlencoded")),
                Provider.hmac("gitea", HmacRecipe.ofBody("X-Gitea-Signature", "", SHA256, HEX))
                        .events("header:X-Gitea-Event", "json:/action", "header:X-Gitea-Delivery"),
                Provider.hmac("lemon-squeezy", HmacRecipe.ofBody("X-Signature", "", SHA256, HEX))
                        .events("header:X-Event-Name", null, null),
                Provider.hmac("coinbase-commerce", HmacRecipe.ofBody("X-CC-Webhook-Signature", "", SHA256, HEX))
                        .events("json:/event/type", null, "json:/event/id"),
                Provider.hmac("razorpay", HmacRecipe.ofBody("X-Razorpay-Signature", "", SHA256, HEX))
                        .events("json:/event", null, "header:X-Razorpay-Event-Id"),
                Provider.hmac("gocardless", HmacRecipe.ofBody("Webhook-Signature", "", SHA256, HEX)),
                Provider.hmac("paystack", HmacRecipe.ofBody("x-paystack-signature", "", SHA512, HEX))
                        .events("json:/event", null, null),
                Provider.hmac("airtable", HmacRecipe.ofBody("X-Airtable-Content-MAC", "hmac-sha256=", SHA256, HEX)
                        .withBase64Key()),
                Provider.hmac("asana", HmacRecipe.ofBody("X-Hook-Signature", "", SHA256, HEX).learningSecrets())
                        .answering(AsanaHandshake::new)
                        .learning(),
                Provider.hmac("notion", HmacRecipe.ofBody("X-Notion-Signature", "sha256=", SHA256, HEX)
                                .learningSecrets())
                        .events("json:/type", null, "json:/id")
                        .answering(NotionHandshake::new)
                        .learning(),
                Provider.hmac("cal-com", HmacRecipe.ofBody("X-Cal-Signature-256", "", SHA256, HEX))
                        .events("json:/triggerEvent", null, null),
                // Public keys.
                Provider.publicKey("discord", new PublicKeyRecipe("X-Signature-Ed25519", "X-Signature-Timestamp",
                                false))
                        .events("json:/type", null, "json:/id")
                        .answering(settings -> DiscordHandshake.INTERACTIONS),
                Provider.publicKey("discord-events", new PublicKeyRecipe("X-Signature-Ed25519",
                                "X-Signature-Timestamp", false))
                        .events("json:/event/type", null, null)
                        .answering(settings -> DiscordHandshake.WEBHOOK_EVENTS),
                Provider.publicKey("sendgrid", new PublicKeyRecipe("X-Twilio-Email-Event-Webhook-Signature",
                        "X-Twilio-Email-Event-Webhook-Timestamp", true)),
                // Signatures in the body, shared tokens and credentials.
                Provider.of("mailgun", MailgunVerifier::new)
                        .events("json:/event-data/event", null, "json:/signature/token")
                        .acknowledgedWith(200),
                Provider.of("microsoft-graph", ClientStateVerifier::new)
                        .events("json:/value/0/changeType", null, null)
                        .answering(settings -> new EchoHandshake("POST", "validationToken")),
                Provider.of("gitlab-token", settings -> new TokenVerifier("X-Gitlab-Token", settings), "X-Gitlab-Token")
                        .events("header:X-Gitlab-Event", null, "header:Idempotency-Key"),
                okta(),
                basicAuth,
                basicAuth.named("postmark").events("json:/RecordType", null, null).acknowledgedWith(200),
                basicAuth.named("mailchimp").events("form:type", null, null).posting(Provider.FORM)
                        .answering(settings -> new EchoHandshake("GET", null)),
                // Svix and Standard Webhooks senders.
                svix,
                svix.named("clerk"),
                svix.named("resend"),
                standardWebhooks,
                standardWebhooks.named("brex").events("json:/event_type", null, "header:webhook-id"),
                standardWebhooks.named("openai"));
    }

    private static Provider okta() {
        return Provider.of("okta", settings -> new TokenVerifier("Authorization", settings))
                .events("json:/data/events/0/eventType", null, "json:/eventId")
                .answering(settings -> new OktaHandshake(new TokenVerifier("Authorization", settings)));
    }
}
