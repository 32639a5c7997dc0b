package dev.hookline.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceNamesTest {

    @Test
    void lowerCaseLettersDigitsDashesAndUnderscoresUpTo64() {
        assertTrue(SourceNames.isName("stripe", 0));
        assertTrue(SourceNames.isName("shop-2_eu", 0));
        assertTrue(SourceNames.isName("a".repeat(64), 0));
        assertFalse(SourceNames.isName("a".repeat(65), 0));
        assertFalse(SourceNames.isName("", 0));
        assertFalse(SourceNames.isName("-stripe", 0));
        assertFalse(SourceNames.isName("_stripe", 0));
        assertFalse(SourceNames.isName("Stripe", 0));
        assertFalse(SourceNames.isName("stri.pe", 0));
        assertFalse(SourceNames.isName("stripe/x", 0));
    }

    @Test
    void readFromAnOffsetToTheEnd() {
        assertTrue(SourceNames.isName("/api/webhooks/stripe", "/api/webhooks/".length()));
        assertFalse(SourceNames.isName("/api/webhooks/..%2Fadmin", "/api/webhooks/".length()));
        assertFalse(SourceNames.isName("/api/webhooks/", "/api/webhooks/".length()));
    }
}
