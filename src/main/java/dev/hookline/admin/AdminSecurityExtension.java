package dev.hookline.admin;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Decides whether Hookline brings its own Jakarta Security mechanism and identity store (HTTP Basic against
 * {@code hookline.admin.user} and {@code hookline.admin.password}). Jakarta Security takes over a web application's
 * authentication as soon as it has a mechanism, and an application has at most one, so Hookline's is left out:
 * <ul>
 * <li>when the application that includes Hookline has a mechanism of its own (a bean, or one of the built-in
 * mechanisms' definitions): the application's login then guards the admin API, for its users with the role
 * {@value AdminRole#NAME};</li>
 * <li>when either key is unset: the server's realm (the fragment's BASIC login) guards it, closed to everyone until
 * the operator gives a realm user the role.</li>
 * </ul>
 * The container discovers every type before it decides on any bean, so the application's types are all seen before
 * the decision.
 */
public class AdminSecurityExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(AdminSecurityExtension.class.getName());

    /** The application's own mechanism, or its definition's class; {@code null} when it has none. */
    private String applicationMechanism;
    private Boolean installs;

    /**
     * A class that would be a mechanism bean: discovered, and neither restricted by {@code @Typed} to other types (as
     * the server's own mechanisms are, which only their definitions enable) nor a disabled alternative.
     */
    void applicationMechanism(@Observes ProcessAnnotatedType<? extends HttpAuthenticationMechanism> type) {
        AnnotatedType<?> annotated = type.getAnnotatedType();
        Class<?> found = annotated.getJavaClass();
        Typed typed = annotated.getAnnotation(Typed.class);
        if (found == AdminAuthenticationMechanism.class || found.isInterface()
                || Modifier.isAbstract(found.getModifiers()) || annotated.isAnnotationPresent(Decorator.class)
                || typed != null && !Arrays.asList(typed.value()).contains(HttpAuthenticationMechanism.class)
                || annotated.isAnnotationPresent(Alternative.class) && !annotated.isAnnotationPresent(Priority.class)) {
            return;
        }
        applicationMechanism = found.getName();
    }

    void applicationMechanismDefinition(@Observes @WithAnnotations({BasicAuthenticationMechanismDefinition.class,
            FormAuthenticationMechanismDefinition.class, CustomFormAuthenticationMechanismDefinition.class,
            OpenIdAuthenticationMechanismDefinition.class}) ProcessAnnotatedType<?> type) {
        applicationMechanism = type.getAnnotatedType().getJavaClass().getName();
    }

    void mechanism(@Observes ProcessBeanAttributes<AdminAuthenticationMechanism> bean) {
        if (!installs()) {
            bean.veto();
        }
    }

    void identityStore(@Observes ProcessBeanAttributes<AdminIdentityStore> bean) {
        if (!installs()) {
            bean.veto();
        }
    }

    /**
     * Reads the built-in identity while the application is validated, so that a password Hookline will not take
     * (plain without {@value AdminAccount#ALLOW_PLAINTEXT_KEY}, or an unreadable hash) stops the deployment with the
     * key to fix rather than failing the first login.
     */
    void checkAccount(@Observes AfterDeploymentValidation validation) {
        if (!installs()) {
            return;
        }
        try {
            AdminAccount.from(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            validation.addDeploymentProblem(e);
        }
    }

    private boolean installs() {
        if (installs == null) {
            boolean configured = AdminAccount.isConfigured(ConfigProvider.getConfig());
            installs = configured && applicationMechanism == null;
            if (applicationMechanism != null) {
                LOG.info(() -> "The application has an authentication mechanism of its own (" + applicationMechanism
                        + "): the admin API is open to its users with the role " + AdminRole.NAME
                        + (configured ? "; " + AdminAccount.USER_KEY + " is not used" : ""));
            } else if (!configured) {
                LOG.info(() -> "No built-in admin identity (" + AdminAccount.USER_KEY + ", "
                        + AdminAccount.PASSWORD_KEY + "): the admin API is open only to server realm users with the "
                        + "role " + AdminRole.NAME);
            }
        }
        return installs;
    }
}
