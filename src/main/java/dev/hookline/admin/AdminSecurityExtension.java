package dev.hookline.admin;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Leaves out the built-in identity and its authentication mechanism when {@code hookline.admin.user} or
 * {@code hookline.admin.password} is unset. Jakarta Security takes over a web application's authentication as soon
 * as it has a mechanism, so only without one does the server's own realm (web.xml's BASIC login) guard the admin
 * API: closed to everyone until the operator gives a realm user the {@value AdminRole#NAME} role.
 */
public class AdminSecurityExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(AdminSecurityExtension.class.getName());

    private Boolean configured;

    void mechanism(@Observes ProcessAnnotatedType<AdminAuthenticationMechanism> type) {
        if (!configured()) {
            type.veto();
        }
    }

    void identityStore(@Observes ProcessAnnotatedType<AdminIdentityStore> type) {
        if (!configured()) {
            type.veto();
        }
    }

    private boolean configured() {
        if (configured == null) {
            configured = AdminAccount.from(ConfigProvider.getConfig()).isPresent();
            if (!configured) {
                LOG.info(() -> "No built-in admin identity (" + AdminAccount.USER_KEY + ", "
                        + AdminAccount.PASSWORD_KEY + "): the admin API is open only to server realm users with the "
                        + "role " + AdminRole.NAME);
            }
        }
        return configured;
    }
}
