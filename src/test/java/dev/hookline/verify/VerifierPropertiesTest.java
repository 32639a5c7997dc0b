package dev.hookline.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of every verifier, generated around the published valid cases: nothing but the key makes a request
 * verify, one changed bit anywhere that is signed breaks it, and parsing any input fails only with the scheme's own
 * rejection.
 */
class VerifierPropertiesTest {

    /** Published cases that must verify; the token scheme signs no body, so it is left out where the body changes. */
    private static final List<VectorCase> VALID = VectorCase.all().stream().filter(VectorCase::valid).toList();
    private static final List<VectorCase> BODY_SIGNED = VALID.stream()
            .filter(c -> !c.scheme().equals("gitlab-token")).toList();


    @Provide
    Arbitrary<VectorCase> valid() {
        return Arbitraries.of(VALID);
    }

    @Provide
    Arbitrary<VectorCase> bodySigned() {
        return Arbitraries.of(BODY_SIGNED);
    }

    @Provide
    Arbitrary<String> anyHeaderValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("0123456789abcdefv=,.: tsha").ofMaxLength(120),
                Arbitraries.strings().ascii().ofMaxLength(400));
    }

    @Property(tries = 500)
    void aRandomBodyNeverVerifiesWithoutTheKey(@ForAll("bodySigned") VectorCase vector,
                                               @ForAll byte[] body) {
        Verifier verifier = verifier(vector);
        if (java.util.Arrays.equals(body, vector.request().body())) {
            return;
        }
        assertThrows(SignatureRejected.class, () -> verifier.verify(vector.with(Map.of(), body)));
    }

    @Property(tries = 1000)
    void randomSignatureHeadersNeverVerifyAndFailOnlyWithARejection(@ForAll("valid") VectorCase vector,
                                                                   @ForAll("anyHeaderValue") String value,
                                                                   @ForAll @IntRange(min = 0, max = 7) int which) {
        List<String> names = List.copyOf(vector.signedHeaders().keySet());
        String name = names.get(which % names.size());
        if (value.equals(vector.signedHeaders().get(name))) {
            return;
        }
        Map<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        changed.put(name, value);
        expectRejection(vector, changed, vector.request().body());
    }

    @Property(tries = 1000)
    void oneFlippedBitOfTheBodyBreaksTheSignature(@ForAll("bodySigned") VectorCase vector,
                                                  @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position) {
        byte[] body = vector.request().body().clone();
        int bit = position % (body.length * 8);
        body[bit / 8] ^= (byte) (1 << (bit % 8));
        expectRejection(vector, Map.of(), body);
    }

    @Property(tries = 1000)
    void oneFlippedBitOfTheSignedTimestampOrIdBreaksIt(@ForAll("timestamped") VectorCase vector,
                                                       @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
                                                       @ForAll @IntRange(min = 0, max = 7) int which) {
        List<String> names = signedFields(vector);
        String name = names.get(which % names.size());
        String original = vector.signedHeaders().get(name);
        // Stripe carries its timestamp inside its signature header: flip only there.
        int from = name.equalsIgnoreCase("Stripe-Signature") ? 2 : 0;
        int to = name.equalsIgnoreCase("Stripe-Signature") ? original.indexOf(',') : original.length();
        char[] value = original.toCharArray();
        int bit = position % ((to - from) * 7);
        value[from + bit / 7] ^= (char) (1 << (bit % 7));
        Map<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        changed.put(name, new String(value));
        expectRejection(vector, changed, vector.request().body());
    }

    @Provide
    Arbitrary<VectorCase> timestamped() {
        return Arbitraries.of(VALID.stream().filter(c -> !signedFields(c).isEmpty()).toList());
    }

    /** The headers that carry a signed timestamp or id. */
    private static List<String> signedFields(VectorCase vector) {
        return vector.signedHeaders().keySet().stream()
                .filter(name -> name.toLowerCase().matches(".*(timestamp|-id)$|stripe-signature")).toList();
    }

    private static void expectRejection(VectorCase vector, Map<String, String> headers, byte[] body) {
        Verifier verifier = verifier(vector);
        try {
            verifier.verify(vector.with(headers, body));
            fail("verified after a change: " + vector + " " + headers);
        } catch (SignatureRejected expected) {
            // the only way a verifier may fail
        } catch (RuntimeException e) {
            fail(vector + " failed with " + e + " instead of a rejection");
        }
    }

    private static Verifier verifier(VectorCase vector) {
        return Schemes.named(vector.scheme()).orElseThrow().verifier(vector.settings());
    }
}
