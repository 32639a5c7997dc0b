package dev.hookline.verify;

import static dev.hookline.verify.Requests.NOW;
import static dev.hookline.verify.Requests.assertAccepted;
import static dev.hookline.verify.Requests.assertRejected;
import static dev.hookline.verify.SignatureRejected.Reason.MALFORMED;
import static dev.hookline.verify.SignatureRejected.Reason.MISMATCH;
import static dev.hookline.verify.SignatureRejected.Reason.MISSING;
import static dev.hookline.verify.SignatureRejected.Reason.STALE;
import static dev.hookline.verify.StandardWebhooksSchemeTest.KEY;
import static dev.hookline.verify.StandardWebhooksSchemeTest.SECRET;
import static dev.hookline.verify.StandardWebhooksSchemeTest.signed;
import static dev.hookline.verify.StandardWebhooksSchemeTest.v1;

import dev.hookline.verify.Requests.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Svix shares the algorithm with Standard Webhooks (tested there); what differs is which headers are read. */
class SvixSchemeTest {

    private static final Scheme SCHEME = Schemes.named("svix").orElseThrow();
    private static final long TS = NOW.getEpochSecond();

    private static Verifier verifier() {
        return Settings.secrets(SECRET).verifier(SCHEME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"svix", "webhook"})
    void eitherFamilyOfHeadersIsAccepted(String family) {
        assertAccepted(verifier(), signed(family, KEY, TS));
    }

    @Test
    void webhookHeadersArePreferred() {
        Requests request = signed("webhook", KEY, TS)
                .header("svix-id", "msg_other").header("svix-timestamp", "1").header("svix-signature", "v1,AAAA");
        assertAccepted(verifier(), request);
    }

    @Test
    void aRequestIsNotReadInAMixOfNames() {
        assertRejected(MISSING, verifier(), signed("svix", KEY, TS).without("svix-id").header("webhook-id", "x"));
    }

    @Test
    void tamperedBodyIsRefused() {
        assertRejected(MISMATCH, verifier(), signed("svix", KEY, TS).tamper("{}"));
    }

    @Test
    void secondOfTwoSecretsMatchesAndExpiredOnesDoNot() {
        assertAccepted(Settings.secrets("whsec_AAAAAAAA", SECRET).verifier(SCHEME), signed("svix", KEY, TS));
        assertRejected(MISMATCH, Settings.secrets().expired(SECRET).verifier(SCHEME), signed("svix", KEY, TS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"svix-id", "svix-timestamp", "svix-signature"})
    void missingHeaderIsRefused(String header) {
        assertRejected(MISSING, verifier(), signed("svix", KEY, TS).without(header));
    }

    @Test
    void duplicatedSignatureHeaderIsRefused() {
        assertRejected(MALFORMED, verifier(), signed("svix", KEY, TS).header("svix-signature", v1(KEY, TS)));
    }

    @Test
    void staleTimestampIsRefusedUnlessToleranceIsZero() {
        Requests old = signed("svix", KEY, TS - 301);
        assertRejected(STALE, verifier(), old);
        assertAccepted(Settings.secrets(SECRET).tolerance(Duration.ZERO).verifier(SCHEME), old);
    }
}
