package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application undeployed while an observer runs, as a redeployment does on a running server: the attempt under
 * way ends and commits before the application is gone, and leaves no transaction open behind it, so that the
 * application deployed again finds its delivery processed, attempted once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara-micro",
        disabledReason = "each deployment there runs on a Payara Micro of its own, which ends with it: no server"
                + " outlives the application to hold a transaction open")
class UndeployIT {

    private static final String NAME = "undeploy";
    private static final String SECRET = "undeploy-test-secret";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false)
    static WebArchive deployment() {
        return Deployments.hookline(NAME, String.join("\n",
                "hookline.sources=holding",
                "hookline.source.holding.scheme=github",
                "hookline.source.holding.secrets=" + SECRET,
                "hookline.admin.user=" + TestAdmin.USER,
                "hookline.admin.password=" + TestAdmin.pbkdf2(TestAdmin.PASSWORD),
                ""), HoldingObservers.class);
    }

    @Test
    void anAttemptUnderWayWhenTheApplicationStopsCommitsFirst() throws Exception {
        URL base = new URL("http://localhost:" + System.getProperty("hookline.test.http-port", "8080") + "/" + NAME
                + "/");
        Path started = Path.of("target", "undeploy-" + UUID.randomUUID() + ".started").toAbsolutePath();
        deployer.deploy(NAME);
        boolean deployed = true;
        try {
            HttpResponse<String> answer = new Sender(base).to("holding")
                    .body("{\"started\":\"" + started + "\",\"holdMillis\":4000}")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "push")
                    .githubSignature(SECRET).send();
            assertEquals(202, answer.statusCode(), answer.body());
            String id = Json.createReader(new StringReader(answer.body())).readObject().getString("id");
            awaitFile(started);

            deployer.undeploy(NAME);
            deployed = false;
            deployer.deploy(NAME);
            deployed = true;

            HttpResponse<String> read = AdminClient.as(base, TestAdmin.USER, TestAdmin.PASSWORD)
                    .get("api/admin/deliveries/" + id);
            assertEquals(200, read.statusCode(), read.body());
            JsonObject delivery = Json.createReader(new StringReader(read.body())).readObject();
            assertEquals("PROCESSED", delivery.getString("status"),
                    "the attempt under way committed before the application stopped: " + delivery);
            assertEquals(1, delivery.getInt("attempts"), delivery.toString());
            assertEquals(List.of("1"), Files.readAllLines(started), "the observer ran once");
        } finally {
            Files.deleteIfExists(started);
            if (deployed) {
                deployer.undeploy(NAME);
            }
        }
    }

    private static void awaitFile(Path path) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(path); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(path), "the observer started within 10 s");
    }
}
