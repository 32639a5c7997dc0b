package dev.hookline.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Validates the built-in admin identity of {@code hookline.admin.user} / {@code hookline.admin.password}, whose only
 * group is {@value AdminRole#NAME}. Present only when both keys are set (see {@link AdminSecurityExtension}).
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

    @Inject
    Config config;

    private Optional<AdminAccount> account = Optional.empty();
    private final RecentLogins recent = new RecentLogins();

    @PostConstruct
    void read() {
        account = AdminAccount.from(config);
        account.ifPresent(a -> LOG.info(() -> "Admin API open to the configured user " + a.user()));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || account.isEmpty()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String user = login.getCaller();
        char[] password = login.getPassword().getValue();
        // A PBKDF2 hash costs many milliseconds by design: a console refreshing every few seconds would pay it each
        // time, so a login seen valid a moment ago is remembered (as a digest) for a minute.
        boolean valid = recent.contains(user, password) || account.get().matches(user, password);
        if (!valid) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        recent.remember(user, password);
        return new CredentialValidationResult(user, Set.of(AdminRole.NAME));
    }

    /** Whether this login was found valid within the last minute: a check that costs no hash. */
    public boolean recentlyValid(UsernamePasswordCredential login) {
        return account.isPresent() && recent.contains(login.getCaller(), login.getPassword().getValue());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
