package dev.hookline.forward;

import dev.hookline.api.Webhook;
import dev.hookline.api.WebhookSource;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds, for each source configured with {@code hookline.source.<name>.forward.jms=<JNDI name>}, an observer of that
 * source that sends each delivery to the JMS queue or topic, so that other applications on the server receive
 * webhooks without linking Hookline's code. The observer is synchronous: the message is sent inside the delivery's
 * transaction and is only delivered if the delivery commits. Sources that do not forward get no observer, so their
 * deliveries are still {@code UNHANDLED} when the application observes none of them.
 */
public class JmsForwarding implements Extension {

    private final Map<String, JmsForwarder> forwarders = new LinkedHashMap<>();

    void addForwarders(@Observes AfterBeanDiscovery discovery) {
        Config config = ConfigProvider.getConfig();
        String[] sources = config.getOptionalValue("hookline.sources", String[].class).orElse(new String[0]);
        Arrays.stream(sources).map(String::trim).forEach(source -> {
            String key = "hookline.source." + source + ".forward.jms";
            config.getOptionalValue(key, String.class).map(String::trim).filter(name -> !name.isEmpty())
                    .ifPresent(destination -> forwarders.put(source, new JmsForwarder(key, destination)));
        });
        forwarders.forEach((source, forwarder) -> discovery.<Webhook>addObserverMethod()
                .observedType(Webhook.class)
                .addQualifier(new WebhookSource.Literal(source))
                .beanClass(JmsForwarding.class)
                .notifyWith(context -> forwarder.send(context.getEvent())));
    }

    Collection<JmsForwarder> forwarders() {
        return forwarders.values();
    }
}
