package dev.hookline.admin;

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
import java.util.Optional;

/**
 * HTTP Basic for the admin API, answered the Hookline way: a missing or wrong login gets 401 with a
 * {@code WWW-Authenticate} challenge and a problem+json body. Requests outside {@code /api/admin/*} (webhooks, the
 * console's static files) pass untouched. Present only with the built-in identity (see
 * {@link AdminSecurityExtension}); without it the server's own login configuration applies.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        Optional<UsernamePasswordCredential> login = BasicCredentials.parse(request.getHeader("Authorization"));
        if (login.isPresent()) {
            CredentialValidationResult result = identities.validate(login.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        try {
            AdminChallenge.send(request, response, login.isPresent());
        } catch (IOException e) {
            // The caller went away; there is nobody left to answer.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
