package dev.hookline.it;

import static dev.hookline.it.AdminApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deployment with neither an admin identity nor a source: the admin API is closed to everyone (no realm user has
 * the role), answered by the server's own BASIC login in Hookline's problem form, and readiness is down.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminClosedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hookline("closed", "hookline.sources=\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void theAdminApiIsClosedWithoutAnAdminIdentity() {
        HttpResponse<String> anonymous = AdminClient.anonymous(base).get("api/admin/deliveries");
        assertProblem(anonymous, 401, "urn:hookline:problem:unauthorized");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertProblem(AdminClient.as(base, TestAdmin.USER, TestAdmin.PASSWORD).get("api/admin/stats"), 401,
                "urn:hookline:problem:unauthorized");
        assertProblem(AdminClient.as(base, "admin", "admin").post("api/admin/deliveries/replay"), 401,
                "urn:hookline:problem:unauthorized");
    }

    @Test
    void readinessIsDownWithoutASource() throws Exception {
        // MicroProfile Health answers on the application port on Payara and on the management port on WildFly.
        String root = System.getProperty("hookline.test.health-root",
                base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/");
        HttpResponse<String> ready = Http.CLIENT.send(
                HttpRequest.newBuilder(URI.create(root + "health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("no source configured"), ready.body());
    }
}
