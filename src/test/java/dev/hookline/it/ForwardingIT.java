package dev.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookEvent;
import dev.hookline.store.DeliveryStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
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
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A source configured with {@code forward.jms} sends each delivery to a JMS queue, inside the delivery's transaction,
 * for applications that consume webhooks without linking Hookline. Runs where the server has a broker.
 */
@ExtendWith(ArquillianExtension.class)
// Disabled, not enabled, by the property: inside a server of its own the build's properties are absent.
@DisabledIfSystemProperty(named = "hookline.test.jms", matches = "false")
@JMSDestinationDefinition(name = ForwardingIT.QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = "HooklineForwardTest")
class ForwardingIT {

    static final String QUEUE = "java:app/jms/HooklineForwardTest";
    static final String SECRET = "erp-test-secret";

    @Deployment
    static WebArchive deployment() {
        return Deployments.hookline("forwarding", String.join("\n",
                "hookline.sources=erp",
                "hookline.source.erp.scheme=hmac",
                "hookline.source.erp.secrets=" + SECRET,
                "hookline.source.erp.delivery-id=json:/id",
                "hookline.source.erp.event-type=json:/type",
                "hookline.source.erp.forward.jms=" + QUEUE),
                Sender.class, Sender.Post.class, StoredDeliveries.class, RefusingObserver.class);
    }

    /** Fails every delivery of type {@code refuse}, so that its transaction rolls back. */
    @ApplicationScoped
    public static class RefusingObserver {
        void refuse(@Observes @WebhookEvent(source = "erp", type = "refuse") Webhook hook) {
            throw new IllegalStateException("refused " + hook.deliveryId());
        }
    }

    @ArquillianResource
    URL base;

    @Inject
    StoredDeliveries store;

    @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Test
    void deliveryIsSentToTheQueueWithItsIdentity() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + delivery + "\",\"type\":\"order.shipped\",\"order\":42}";
        HttpResponse<String> response = send(body);
        assertEquals(202, response.statusCode(), response.body());
        String id = Json.createReader(new StringReader(response.body())).readObject().getString("id");

        Message message = receive("hooklineDeliveryId = '" + delivery + "'", 10_000);
        assertNotNull(message, "the delivery reached the queue");
        assertEquals(body, ((TextMessage) message).getText());
        assertEquals("erp", message.getStringProperty("hooklineSource"));
        assertEquals("order.shipped", message.getStringProperty("hooklineType"));
        assertEquals(id, message.getStringProperty("hooklineId"));
        assertEquals(DeliveryStatus.PROCESSED, StoredDeliveries.awaitFinal(store, id).status());
    }

    @Test
    void deliveryWhoseTransactionRollsBackIsNotSent() throws Exception {
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> response = send("{\"id\":\"" + delivery + "\",\"type\":\"refuse\"}");
        assertEquals(202, response.statusCode(), response.body());
        String id = Json.createReader(new StringReader(response.body())).readObject().getString("id");

        assertEquals(DeliveryStatus.FAILED, StoredDeliveries.awaitFinal(store, id).status());
        assertNull(receive("hooklineDeliveryId = '" + delivery + "'", 1_000), "nothing was sent for a rollback");
    }

    private HttpResponse<String> send(String body) {
        return new Sender(base).to("erp").body(body).header("X-Signature",
                java.util.HexFormat.of().formatHex(Sender.hmac("HmacSHA256", SECRET,
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).send();
    }

    private Message receive(String selector, long timeoutMillis) {
        try (JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(queue, selector)) {
            return consumer.receive(timeoutMillis);
        }
    }
}
