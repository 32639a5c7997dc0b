package dev.hookline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published case of every scheme, through the real verifier. */
class ConformanceTest {

    static List<VectorCase> cases() {
        return VectorCase.all();
    }

    @Test
    void theVectorFileHoldsEveryPublishedCase() {
        assertEquals(34, cases().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAgreesWithThePublisher(VectorCase vector) throws SignatureRejected {
        Scheme scheme = Schemes.named(vector.scheme())
                .orElseThrow(() -> new AssertionError("no scheme named " + vector.scheme()));
        Verifier verifier = scheme.verifier(vector.settings());
        if (vector.valid()) {
            verifier.verify(vector.request());
        } else {
            assertThrows(SignatureRejected.class, () -> verifier.verify(vector.request()));
        }
    }
}
