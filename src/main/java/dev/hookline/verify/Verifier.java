package dev.hookline.verify;

/** Checks one request against a source's secrets. Implementations are immutable and safe to share between threads. */
@FunctionalInterface
public interface Verifier {

    /** Returns normally when the request is authentic; otherwise says why not. */
    void verify(SignedRequest request) throws SignatureRejected;
}
