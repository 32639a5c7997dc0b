package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** A source that cannot work stops the deployment, with a message that names the key to fix. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigurationIT {

    private static final String SECRET = "configuration-test-secret";

    @ArquillianResource
    Deployer deployer;

    /** A deployment of a GitHub source {@code acme} that would start, but for these lines. */
    private static WebArchive withAcme(String name, String... lines) {
        return Deployments.hookline(name, String.join("\n", "hookline.sources=acme",
                "hookline.source.acme.scheme=github", "hookline.source.acme.secrets=" + SECRET,
                String.join("\n", lines)));
    }

    @Deployment(name = "unknown-scheme", managed = false)
    static WebArchive unknownScheme() {
        return Deployments.hookline("unknown-scheme", String.join("\n",
                "hookline.sources=acme",
                "hookline.source.acme.scheme=rot13",
                "hookline.source.acme.secrets=" + SECRET));
    }

    @Deployment(name = "no-secrets", managed = false)
    static WebArchive noSecrets() {
        return Deployments.hookline("no-secrets", String.join("\n",
                "hookline.sources=acme",
                "hookline.source.acme.scheme=github"));
    }

    @Deployment(name = "bad-selector", managed = false)
    static WebArchive badSelector() {
        return Deployments.hookline("bad-selector", String.join("\n",
                "hookline.sources=acme",
                "hookline.source.acme.scheme=hmac",
                "hookline.source.acme.secrets=" + SECRET,
                "hookline.source.acme.event-type=body:/type"));
    }

    @Deployment(name = "forwarding-without-broker", managed = false)
    static WebArchive forwardingWithoutBroker() {
        return withAcme("forwarding-without-broker",
                "hookline.source.acme.forward.jms=java:app/jms/Nowhere");
    }

    @Deployment(name = "unknown-datasource", managed = false)
    static WebArchive unknownDatasource() {
        return withAcme("unknown-datasource",
                "hookline.datasource=java:app/jdbc/NoSuchDatabase");
    }

    @Deployment(name = "seen-ids-shorter", managed = false)
    static WebArchive seenIdsShorterThanPayloads() {
        return withAcme("seen-ids-shorter",
                "hookline.retention.processed=P7D",
                "hookline.retention.seen-ids=P1D");
    }

    @Deployment(name = "ack-not-success", managed = false)
    static WebArchive acknowledgementThatIsNoSuccess() {
        return withAcme("ack-not-success",
                "hookline.source.acme.ack.status=302");
    }

    @Deployment(name = "plain-admin-password", managed = false)
    static WebArchive plainAdminPassword() {
        return withAcme("plain-admin-password",
                "hookline.admin.user=operator",
                "hookline.admin.password=" + SECRET);
    }

    @Deployment(name = "error-detail", managed = false)
    static WebArchive unknownErrorDetail() {
        return withAcme("error-detail",
                "hookline.dispatch.error-detail=stacktrace");
    }

    /** Only the demo may have a plain admin password; the message says how to hash one and never quotes it. */
    @Test
    void plainAdminPasswordStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("plain-admin-password", "hookline.admin.allow-plaintext");
    }

    @Test
    void unknownErrorDetailStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("error-detail", "hookline.dispatch.error-detail");
    }

    @Test
    void acknowledgementThatIsNoSuccessStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("ack-not-success", "hookline.source.acme.ack.status");
    }

    @Test
    void idsKeptShorterThanPayloadsStopTheDeployment() throws Exception {
        assertDeploymentFailsNaming("seen-ids-shorter", "hookline.retention.seen-ids");
    }

    @Test
    void datasourceThatIsNotThereStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("unknown-datasource", "hookline.datasource=java:app/jdbc/NoSuchDatabase");
    }

    @Test
    @EnabledIfSystemProperty(named = "hookline.test.jms", matches = "false")
    void forwardingWithoutABrokerStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("forwarding-without-broker", "hookline.source.acme.forward.jms");
    }

    @Test
    void unknownSchemeStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("unknown-scheme", "hookline.source.acme.scheme");
    }

    @Test
    void sourceWithoutSecretsStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("no-secrets", "hookline.source.acme.secrets");
    }

    @Test
    void malformedSelectorStopsTheDeployment() throws Exception {
        assertDeploymentFailsNaming("bad-selector", "hookline.source.acme.event-type");
    }

    /**
     * Deploys and expects the deployment to fail. Adapters differ in whether a failed deployment throws, so the
     * server's own report is read from its log (the embedded server shares this JVM) and the application must not
     * answer.
     */
    private void assertDeploymentFailsNaming(String deployment, String key) throws Exception {
        StringBuilder report = new StringBuilder();
        try (LogCapture logs = LogCapture.includingStandardOutput()) {
            try {
                deployer.deploy(deployment);
            } catch (Exception failure) {
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    report.append(t.getMessage()).append('\n');
                }
            }
            logs.lines().forEach(report::append);
        } finally {
            undeployQuietly(deployment);
        }
        assertTrue(report.toString().contains(key), "the failure names " + key);
        assertFalse(report.toString().contains(SECRET), "the failure must not quote a secret");
        URI webhooks = URI.create("http://localhost:" + System.getProperty("hookline.test.http-port", "8080") + "/"
                + deployment + "/api/webhooks/acme");
        try {
            HttpResponse<String> answer = Http.CLIENT.send(HttpRequest.newBuilder(webhooks)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, answer.statusCode(), "the application is not running");
        } catch (IOException serverGone) {
            // A server of the deployment's own (Payara Micro) stops with it, refusing or closing the connection:
            // nothing runs the application either.
        }
    }

    private void undeployQuietly(String deployment) {
        try {
            deployer.undeploy(deployment);
        } catch (RuntimeException e) {
            // It never deployed.
        }
    }
}
