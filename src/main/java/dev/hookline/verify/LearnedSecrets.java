package dev.hookline.verify;

import java.util.List;

/**
 * Secrets a sender hands over in a handshake rather than showing them to the operator: Asana's {@code X-Hook-Secret},
 * one per webhook. Kept by the store, so that they outlive a restart and reach every node.
 */
public interface LearnedSecrets {

    /** Where nothing is kept: a source that learns no secrets, or a test. */
    LearnedSecrets NONE = new LearnedSecrets() {
        @Override
        public List<String> of(String source) {
            return List.of();
        }

        @Override
        public void learn(String source, String secret) {
            throw new IllegalStateException("no store keeps learned secrets here");
        }
    };

    /** The secrets learned for a source. */
    List<String> of(String source);

    /** Keeps a secret, durably, before returning; learning one again changes nothing. */
    void learn(String source, String secret);
}
