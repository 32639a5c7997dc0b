package dev.hookline.forward;

import dev.hookline.api.Webhook;
import dev.hookline.source.InvalidSourceConfiguration;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends deliveries of one source to one JMS destination through the server's default connection factory. Created
 * in a JTA transaction, the context takes part in it: the message is sent when the delivery commits, never when it
 * rolls back.
 */
final class JmsForwarder {

    /** The message properties other applications select and read deliveries by. */
    static final String SOURCE = "hooklineSource";
    static final String TYPE = "hooklineType";
    static final String DELIVERY_ID = "hooklineDeliveryId";
    static final String ID = "hooklineId";

    private static final String DEFAULT_FACTORY = "java:comp/DefaultJMSConnectionFactory";

    private final String key;
    private final String destinationName;
    private volatile ConnectionFactory factory;
    private volatile Destination destination;

    JmsForwarder(String key, String destinationName) {
        this.key = key;
        this.destinationName = destinationName;
    }

    /** Looks the factory and the destination up, so that a server without them fails at start-up, not later. */
    void resolve() {
        try {
            InitialContext naming = new InitialContext();
            factory = (ConnectionFactory) naming.lookup(DEFAULT_FACTORY);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            throw new InvalidSourceConfiguration(key + ": this server has no JMS broker (" + DEFAULT_FACTORY
                    + " is not bound), so deliveries cannot be forwarded to " + destinationName);
        }
        try {
            destination = (Destination) new InitialContext().lookup(destinationName);
        } catch (NamingException | ClassCastException e) {
            throw new InvalidSourceConfiguration(key + ": no JMS queue or topic is bound at " + destinationName);
        }
    }

    void send(Webhook hook) {
        if (destination == null) {
            resolve();
        }
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer()
                    .setProperty(SOURCE, hook.source())
                    .setProperty(TYPE, hook.type())
                    .setProperty(DELIVERY_ID, hook.deliveryId())
                    .setProperty(ID, hook.id())
                    .send(destination, hook.bodyAsString());
        }
    }
}
