package dev.hookline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider's cases of {@code providers/vectors.json}, made and checked by the provider's own SDK where one is
 * published (the file names which, and its generator is beside it), through the real verifiers. Handshake answers
 * made the same way are checked too.
 */
class ProviderVectorsTest {

    private static final String FILE = "/providers/vectors.json";

    static List<VectorCase> cases() {
        return VectorCase.all(FILE);
    }

    private static JsonObject file() throws IOException {
        try (InputStream in = ProviderVectorsTest.class.getResourceAsStream(FILE)) {
            return Json.createReader(in).readObject();
        }
    }

    @Test
    void everyProviderOfTheFileIsAScheme() throws IOException {
        Set<String> providers = new TreeSet<>(file().getJsonObject("schemes").keySet());
        assertEquals(39, providers.size());
        Set<String> missing = providers.stream().filter(name -> Schemes.named(name).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing);
    }

    @Test
    void eachProviderHasValidAndInvalidCases() {
        cases().stream().collect(Collectors.groupingBy(VectorCase::scheme)).forEach((scheme, cases) -> {
            assertTrue(cases.stream().anyMatch(VectorCase::valid), scheme);
            assertTrue(cases.stream().anyMatch(c -> !c.valid()), scheme);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAgreesWithTheProvidersSdk(VectorCase vector) throws SignatureRejected {
        Verifier verifier = Schemes.named(vector.scheme()).orElseThrow().verifier(vector.settings());
        if (vector.valid()) {
            verifier.verify(vector.request());
        } else {
            assertThrows(SignatureRejected.class, () -> verifier.verify(vector.request()));
        }
    }

    @Test
    void xCrcAnswersAreTheDocumentedOnes() throws IOException {
        for (JsonObject c : file().getJsonObject("handshakes").getJsonArray("x").getValuesAs(JsonObject.class)) {
            Handshake handshake = Schemes.named("x").orElseThrow().handshake(
                    Requests.Settings.secrets(c.getString("secret")).build());
            Challenge answer = handshake.unsigned(get("crc_token", c.getString("crc_token"))).orElseThrow();
            assertEquals(c.getString("response_token"),
                    Json.createReader(new java.io.StringReader(answer.body())).readObject().getString("response_token"));
        }
    }

    @Test
    void zoomValidationAnswersAreTheSdksOnes() throws IOException {
        for (JsonObject c : file().getJsonObject("handshakes").getJsonArray("zoom").getValuesAs(JsonObject.class)) {
            Handshake handshake = Schemes.named("zoom").orElseThrow().handshake(
                    Requests.Settings.secrets(c.getString("secret")).build());
            String body = Json.createObjectBuilder().add("event", "endpoint.url_validation")
                    .add("payload", Json.createObjectBuilder().add("plainToken", c.getString("plainToken"))).build()
                    .toString();
            Challenge answer = handshake.signed(Requests.body(body).build()).orElseThrow();
            assertEquals(c.getString("encryptedToken"),
                    Json.createReader(new java.io.StringReader(answer.body())).readObject().getString("encryptedToken"));
        }
    }

    private static Handshake.Unsigned get(String parameter, String value) {
        return new Handshake.Unsigned() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public List<String> query(String name) {
                return name.equals(parameter) ? List.of(value) : List.of();
            }

            @Override
            public SignedRequest.Headers headers() {
                return name -> List.of();
            }
        };
    }
}
