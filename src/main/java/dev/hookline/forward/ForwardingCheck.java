package dev.hookline.forward;

import dev.hookline.platform.Started;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Resolves every forwarding destination while the application starts: a missing broker stops the deployment. */
@ApplicationScoped
public class ForwardingCheck {

    @Inject
    JmsForwarding forwarding;

    void resolveOnStart(@Observes Started started) {
        forwarding.forwarders().forEach(JmsForwarder::resolve);
    }
}
