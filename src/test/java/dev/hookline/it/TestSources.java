package dev.hookline.it;

/** The sources the in-server tests configure; the secrets are test values, looked for in answers and logs. */
final class TestSources {

    static final String GITHUB_SECRET = "gh-test-secret-one";
    static final String GITHUB_SECOND_SECRET = "gh-test-secret-two";
    static final String INHOUSE_SECRET = "inhouse-test-secret";
    static final String LEGACY_SECRET = "legacy-test-secret";
    static final String SLACK_SECRET = "slack-test-signing-secret";
    static final String XERO_SECRET = "xero-test-webhooks-key";
    static final String WOO_SECRET = "woo-test-secret";
    static final int INHOUSE_MAX_BODY = 2048;

    static final String CONFIGURATION = String.join("\n",
            "hookline.sources=github,inhouse,legacy,slack,slack-interactive,acked,xero,woo",
            "hookline.source.github.scheme=github",
            "hookline.source.github.secrets=" + GITHUB_SECRET + "," + GITHUB_SECOND_SECRET,
            "hookline.source.inhouse.scheme=hmac",
            "hookline.source.inhouse.secrets=" + INHOUSE_SECRET,
            "hookline.source.inhouse.hmac.header=X-Inhouse-Signature",
            "hookline.source.inhouse.hmac.algorithm=HmacSHA512",
            "hookline.source.inhouse.hmac.encoding=base64",
            "hookline.source.inhouse.hmac.prefix=v1=",
            "hookline.source.inhouse.event-type=json:/event/type",
            "hookline.source.inhouse.delivery-id=json:/id",
            "hookline.source.inhouse.max-body=" + INHOUSE_MAX_BODY,
            // Its explode events fail on purpose: a test that looks at one FAILED must not find it already retried,
            // as it would be within 2.5 to 5 s by default on a machine slow enough to stall the test that long.
            "hookline.source.inhouse.retry.initial-delay=PT10M",
            "hookline.source.legacy.scheme=legacy-sha256",
            "hookline.source.legacy.secrets=" + LEGACY_SECRET,
            "hookline.source.slack.scheme=slack",
            "hookline.source.slack.secrets=" + SLACK_SECRET,
            "hookline.source.slack.event-type=form:command",
            "hookline.source.slack.delivery-id=form:trigger_id",
            "hookline.source.slack-interactive.scheme=slack",
            "hookline.source.slack-interactive.secrets=" + SLACK_SECRET,
            "hookline.source.slack-interactive.event-type=form:payload|json:/type",
            "hookline.source.slack-interactive.delivery-id=form:payload|json:/trigger_id",
            "hookline.source.acked.scheme=github",
            "hookline.source.acked.secrets=" + GITHUB_SECRET,
            "hookline.source.acked.ack.status=200",
            "hookline.source.acked.ack.body=[accepted]",
            "hookline.source.xero.scheme=xero",
            "hookline.source.xero.secrets=" + XERO_SECRET,
            "hookline.source.woo.scheme=woocommerce",
            "hookline.source.woo.secrets=" + WOO_SECRET,
            "");

    private TestSources() {
    }
}
