package com.example.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The application's users, from its configuration: {@code billing.user.<name>.password} and
 * {@code billing.user.<name>.groups} (comma-separated). A real application would ask its directory instead.
 */
@ApplicationScoped
public class BillingUsers implements IdentityStore {

    @Inject
    Config config;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String user = login.getCaller();
        Optional<String> password = config.getOptionalValue("billing.user." + user + ".password", String.class);
        if (password.isEmpty() || !MessageDigest.isEqual(password.get().getBytes(StandardCharsets.UTF_8),
                login.getPasswordAsString().getBytes(StandardCharsets.UTF_8))) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> groups = Set.copyOf(Arrays.asList(config.getOptionalValue("billing.user." + user + ".groups",
                String[].class).orElse(new String[0])));
        return new CredentialValidationResult(user, groups);
    }
}
