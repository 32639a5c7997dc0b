package dev.hookline.verify;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/** Public keys in the forms senders publish them, and the checks of signatures made with them. */
final class PublicKeys {

    private PublicKeys() {
    }

    /** An Ed25519 key from its raw 32 bytes (RFC 8032), checked to be usable. */
    static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new InvalidKeyException("an Ed25519 public key has 32 bytes");
        }
        // RFC 8032 encoding: little-endian y, with the parity of x in the top bit of the last byte.
        byte[] y = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            y[i] = raw[raw.length - 1 - i];
        }
        boolean xOdd = (y[0] & 0x80) != 0;
        y[0] &= 0x7f;
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, y))));
        Signature.getInstance("Ed25519").initVerify(key);
        return key;
    }

    /** An elliptic-curve key from its DER SubjectPublicKeyInfo, checked to be on P-256. */
    static PublicKey p256(byte[] der) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        if (!(key instanceof java.security.interfaces.ECPublicKey ec) || ec.getParams().getCurve().getField()
                .getFieldSize() != 256) {
            throw new InvalidKeyException("not a P-256 key");
        }
        Signature.getInstance("SHA256withECDSA").initVerify(key);
        return key;
    }

    /**
     * Whether {@code signature} is the key's signature of the chunks in order. JDK signatures cannot be cloned, so each
     * check asks for a fresh {@link Signature}; that look-up is cheap next to the verification itself.
     */
    static boolean verifies(PublicKey key, String algorithm, byte[][] chunks, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            for (byte[] chunk : chunks) {
                verifier.update(chunk);
            }
            return verifier.verify(signature);
        } catch (SignatureException e) {
            // A signature of the wrong length or a DER structure that does not parse: it cannot match.
            return false;
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " key was accepted at start-up but not now", e);
        }
    }
}
