package dev.hookline.store;

import dev.hookline.verify.LearnedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The learned secrets, kept in {@code hookline_learned_secret}. */
@ApplicationScoped
public class StoredLearnedSecrets implements LearnedSecrets {

    @Inject
    LearnedSecretRows rows;

    @Inject
    H2Commits durability;

    @Override
    public List<String> of(String source) {
        return rows.of(source);
    }

    /** Committed, and on H2 written to its file, before it returns: the sender is answered only then. */
    @Override
    public void learn(String source, String secret) {
        rows.insert(source, secret);
        durability.written();
    }
}
