package dev.hookline.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 from a prototype that is cloned per use, so that a request pays no provider look-up. */
final class Digests {

    private static final MessageDigest SHA256 = sha256Prototype();

    private Digests() {
    }

    static byte[] sha256(byte[] data) {
        try {
            return ((MessageDigest) SHA256.clone()).digest(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 provider cannot clone", e);
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
