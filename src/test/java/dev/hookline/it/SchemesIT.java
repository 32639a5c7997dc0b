package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every scheme through the deployed server, signed as its provider signs: accepted, duplicate, a rotation's second
 * secret, a wrong and an expired secret, and, for timestamped schemes, stale and future timestamps.
 */
@ExtendWith(ArquillianExtension.class)
class SchemesIT {

    private static final long TEN_MINUTES = 600;

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("schemes", Signers.CONFIGURATION, Signers.class, Signers.Signer.class,
                Sender.class, Sender.Post.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void everySchemeAcceptsItsProvidersSignatureOnceAndThenAnswersDuplicate() {
        forEachScheme(scheme -> {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> first = sign(scheme, id, now(), secret(scheme, 0)).send();
            HttpResponse<String> again = sign(scheme, id, now(), secret(scheme, 0)).send();
            assertEquals(202, first.statusCode(), scheme + ": " + first.body());
            assertEquals(200, again.statusCode(), scheme + ": " + again.body());
            assertTrue(again.body().contains("\"duplicate\""), scheme);
        });
    }

    @Test
    void everySchemeAcceptsTheNextSecretOfARotation() {
        forEachScheme(scheme -> assertEquals(202,
                sign(scheme, UUID.randomUUID().toString(), now(), secret(scheme, 1)).send().statusCode(), scheme));
    }

    @Test
    void everySchemeRefusesAWrongSecret() {
        forEachScheme(scheme -> assertEquals(401,
                sign(scheme, UUID.randomUUID().toString(), now(), wrong(scheme)).send().statusCode(), scheme));
    }

    @Test
    void everySchemeRefusesASecretPastItsNotAfter() {
        forEachScheme(scheme -> assertEquals(401,
                sign(scheme, UUID.randomUUID().toString(), now(), secret(scheme, 2)).send().statusCode(), scheme));
    }

    @Test
    void timestampedSchemesRefuseStaleAndFutureSignatures() {
        Signers.TIMESTAMPED.keySet().forEach(scheme -> {
            assertEquals(401, sign(scheme, UUID.randomUUID().toString(), now() - TEN_MINUTES, secret(scheme, 0))
                    .send().statusCode(), scheme + " stale");
            assertEquals(401, sign(scheme, UUID.randomUUID().toString(), now() + TEN_MINUTES, secret(scheme, 0))
                    .send().statusCode(), scheme + " future");
        });
    }

    @Test
    void standardWebhooksAcceptsEd25519Signatures() {
        HttpResponse<String> response = sign("standard-webhooks", UUID.randomUUID().toString(), now(),
                Signers.ED25519_SIGNING_KEY).send();
        assertEquals(202, response.statusCode(), response.body());
    }

    private void forEachScheme(java.util.function.Consumer<String> check) {
        Stream.of(Signers.SECRETS.keySet().toArray(String[]::new)).forEach(check);
    }

    private Sender.Post sign(String scheme, String id, long timestamp, String secret) {
        return Signers.signed(new Sender(base), scheme, id, timestamp, secret);
    }

    private static String secret(String scheme, int which) {
        return Signers.SECRETS.get(scheme)[which];
    }

    private static String wrong(String scheme) {
        String secret = secret(scheme, 0);
        return secret.startsWith("whsec_") ? Signers.whsec("not-configured") : secret + "-wrong";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
