package dev.hookline.verify;

import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The schemes that check a shared value rather than a signature: Microsoft Graph's {@code clientState} in every
 * notification, Okta's {@code Authorization} header, and HTTP Basic credentials (Postmark, Mailchimp).
 */
class TokenSchemesTest {

    private static Verifier verifier(String scheme, String... secrets) {
        return Requests.Settings.secrets(secrets).verifier(Schemes.named(scheme).orElseThrow());
    }

    @Test
    void graphNeedsTheClientStateInEveryNotification() {
        Verifier graph = verifier("microsoft-graph", "state-one", "state-two");
        assertAccepted(graph, Requests.body("{\"value\":[{\"clientState\":\"state-one\",\"changeType\":\"created\"},"
                + "{\"clientState\":\"state-two\",\"changeType\":\"updated\"}]}"));
        assertRejected(MISMATCH, graph, Requests.body("{\"value\":[{\"clientState\":\"state-one\"},"
                + "{\"clientState\":\"state-three\"}]}"));
        assertRejected(MALFORMED, graph, Requests.body("{\"value\":[{\"clientState\":\"state-one\"},{}]}"));
        assertRejected(MALFORMED, graph, Requests.body("{\"value\":[]}"));
        assertRejected(MALFORMED, graph, Requests.body("{\"value\":{\"clientState\":\"state-one\"}}"));
        assertRejected(MALFORMED, graph, Requests.body("not json"));
    }

    @Test
    void oktaNeedsTheConfiguredAuthorizationValue() {
        Verifier okta = verifier("okta", "Bearer okta-hook-secret");
        assertAccepted(okta, Requests.body("{}").header("Authorization", "Bearer okta-hook-secret"));
        assertRejected(MISMATCH, okta, Requests.body("{}").header("Authorization", "Bearer okta-hook-secreT"));
        assertRejected(MISSING, okta, Requests.body("{}"));
        assertRejected(MALFORMED, okta, Requests.body("{}").header("Authorization", "Bearer okta-hook-secret")
                .header("Authorization", "Bearer okta-hook-secret"));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthNeedsOneOfTheConfiguredCredentials() {
        for (String scheme : new String[] {"basic-auth", "postmark", "mailchimp"}) {
            Verifier basic = verifier(scheme, "hooks:p4ss:word", "hooks:next");
            assertAccepted(basic, Requests.body("{}").header("Authorization", basic("hooks:p4ss:word")));
            assertAccepted(basic, Requests.body("{}").header("Authorization", "basic " + basic("hooks:next")
                    .substring(6)));
            assertRejected(MISMATCH, basic, Requests.body("{}").header("Authorization", basic("hooks:p4ss")));
            assertRejected(MISSING, basic, Requests.body("{}"));
            assertRejected(MALFORMED, basic, Requests.body("{}").header("Authorization", "Bearer hooks:next"));
            assertRejected(MALFORMED, basic, Requests.body("{}").header("Authorization", "Basic !!!"));
        }
    }

    @Test
    void basicAuthSecretsAreUserAndPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verifier("basic-auth", "nocolon"));
        assertTrue(e.getMessage().startsWith("hookline.source.test.secrets"), e.getMessage());
    }
}
