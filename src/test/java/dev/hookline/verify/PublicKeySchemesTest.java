package dev.hookline.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Public keys that are not what the provider's console shows are refused when the source is read, naming the key to
 * fix and not quoting the value: Discord's must be 32 bytes of hex, SendGrid's a base64 DER key on P-256.
 */
class PublicKeySchemesTest {

    private static void assertRefused(String scheme, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Requests.Settings.secrets(key).verifier(Schemes.named(scheme).orElseThrow()));
        assertTrue(e.getMessage().startsWith("hookline.source.test.secrets"), e.getMessage());
        assertTrue(!e.getMessage().contains(key), "the message quotes the key: " + e.getMessage());
    }

    @Test
    void discordKeysOfTheWrongLengthOrNotHexAreRefused() {
        String valid = "80a8c61d378d4347ec99a5af0ad12c671b50159c55d18d3e6edbaa4b2f8ff902";
        Requests.Settings.secrets(valid).verifier(Schemes.named("discord").orElseThrow());
        assertRefused("discord", valid.substring(2));
        assertRefused("discord", valid + "00");
        assertRefused("discord", "zz" + valid.substring(2));
        assertRefused("discord-events", valid.substring(2));
    }

    @Test
    void sendgridKeysThatAreNotP256AreRefused() throws Exception {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        assertRefused("sendgrid", Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertRefused("sendgrid", Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded()));
        assertRefused("sendgrid", "not base64!");
        assertRefused("sendgrid", HexFormat.of().formatHex(new byte[32]));
    }
}
