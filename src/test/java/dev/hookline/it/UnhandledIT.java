package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookline.store.DeliveryStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A delivery that no observer selects is recorded as UNHANDLED, not as processed. */
@ExtendWith(ArquillianExtension.class)
class UnhandledIT {

    @Deployment
    static WebArchive deployment() {
        // The WAR without the recording observers: only the demo observer, which selects the demo source.
        return Deployments.hookline("unhandled", TestSources.CONFIGURATION, TestSources.class, Sender.class,
                Sender.Post.class, StoredDeliveries.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    StoredDeliveries store;

    @Test
    void deliveryWithoutObserverIsUnhandled() throws Exception {
        HttpResponse<String> response = new Sender(base).to("github").body("{}")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-GitHub-Event", "star")
                .githubSignature(TestSources.GITHUB_SECRET).send();
        assertEquals(202, response.statusCode());
        String id = Json.createReader(new StringReader(response.body())).readObject().getString("id");
        assertEquals(DeliveryStatus.UNHANDLED, StoredDeliveries.awaitFinal(store, id).status());
    }
}
