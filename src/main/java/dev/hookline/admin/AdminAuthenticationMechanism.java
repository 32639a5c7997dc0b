package dev.hookline.admin;

import dev.hookline.platform.ApiServlet;
import dev.hookline.platform.metrics.Metrics;
import dev.hookline.platform.metrics.MetricsResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic for the admin API, answered the Hookline way: a missing or wrong login gets 401 with a
 * {@code WWW-Authenticate} challenge and a problem+json body; a user or client address with too many wrong logins
 * gets 429 with {@code Retry-After} until its wait is over (see {@link LoginThrottle}), before its password is
 * checked. Requests outside {@code /api/admin/*} (webhooks, the console's static files) pass untouched. Present only
 * with the built-in identity (see {@link AdminSecurityExtension}); without it the server's own login configuration
 * applies.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identities;

    @Inject
    AdminIdentityStore admin;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = MetricsResource.ROLE_KEY)
    Optional<String> metricsRole;

    private final LoginThrottle throttle = new LoginThrottle();

    /**
     * The metrics are not under the web fragment's constraint (Prometheus expects them open); with
     * {@value MetricsResource#ROLE_KEY} set, their scrapes log in like the admin API's calls.
     */
    private boolean metricsGuarded(HttpServletRequest request) {
        return metricsRole.filter(r -> !r.isBlank()).isPresent() && "/metrics".equals(request.getPathInfo())
                && ApiServlet.NAME.equals(request.getHttpServletMapping().getServletName());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected() && !metricsGuarded(request)) {
            return context.doNothing();
        }
        Optional<UsernamePasswordCredential> login = BasicCredentials.parse(request.getHeader("Authorization"));
        try {
            if (login.isEmpty()) {
                AdminChallenge.send(request, response, false);
                return AuthenticationStatus.SEND_FAILURE;
            }
            UsernamePasswordCredential credential = login.get();
            String[] keys = LoginThrottle.keys(credential.getCaller(), request.getRemoteAddr());
            // A login valid a moment ago costs no hash, so it is let through while its user or address is throttled.
            Duration wait = admin.recentlyValid(credential) ? Duration.ZERO : throttle.wait(keys);
            if (!wait.isZero()) {
                metrics.adminLogin(Metrics.LoginOutcome.THROTTLED);
                AdminChallenge.throttled(request, response, wait);
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result = identities.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(keys);
                metrics.adminLogin(Metrics.LoginOutcome.SUCCESS);
                return context.notifyContainerAboutLogin(result);
            }
            throttle.failed(keys);
            metrics.adminLogin(Metrics.LoginOutcome.FAILURE);
            AdminChallenge.send(request, response, true);
        } catch (IOException e) {
            // The caller went away; there is nobody left to answer.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
