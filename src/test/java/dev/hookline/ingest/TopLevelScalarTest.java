package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scan finds at the top level what the streaming parser finds there, in any JSON object (checked against
 * {@link JsonFields} on random ones), and gives up, for the parser to decide, on what does not start as an object.
 */
class TopLevelScalarTest {

    private static final List<List<String>> ACTION = List.of(List.of("action"));

    @Test
    void findsWhatTheParserFindsInRandomObjects() throws Exception {
        Random random = new Random(20261206);
        for (int i = 0; i < 5_000; i++) {
            String json = new RandomJson(random).object(0);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            assertEquals(JsonFields.read(body, ACTION)[0], TopLevelScalar.find(body, "action"), json);
        }
    }

    @Test
    void stopsAtTheFirstMatchWithoutReadingTheRest() throws Exception {
        byte[] body = "{\"action\":\"opened\",\"issue\":{\"title\":\"not closed\"".getBytes(StandardCharsets.UTF_8);
        assertEquals("opened", TopLevelScalar.find(body, "action"));
    }

    @Test
    void passesOverNestedFieldsOfTheSameName() throws Exception {
        byte[] body = "{\"issue\":{\"action\":\"nested\",\"labels\":[\"]\",\"}\"]},\"action\":7}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("7", TopLevelScalar.find(body, "action"));
        assertNull(TopLevelScalar.find("{\"issue\":{\"action\":\"nested\"}}".getBytes(StandardCharsets.UTF_8),
                "action"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payload=%7B%22action%22%3A%22opened%22%7D", "[{\"action\":\"opened\"}]", "",
            "{\"action\"", "{\"action\":\"open", "{\"action\":\"a\u0001\"}", "{\"action\":\"\\x\"}",
            "{\"\\u00g1\":1,\"action\":\"opened\"}"})
    void givesUpOnWhatIsNotAnObjectAsFarAsItReads(String body) {
        assertThrows(TopLevelScalar.NotAnObject.class,
                () -> TopLevelScalar.find(body.getBytes(StandardCharsets.UTF_8), "action"));
    }

    @Test
    void leavesJsonInOtherEncodingsToTheParser() {
        byte[] utf16 = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_16LE);
        assertThrows(TopLevelScalar.NotAnObject.class, () -> TopLevelScalar.find(utf16, "action"));
    }

    /** JSON text with the escapes, nesting, duplicates and spacing that a scan could get wrong. */
    private static final class RandomJson {
        private static final String[] KEYS = {"action", "action", "a", "act\\u0069on", "x{", "y]", "\\\"q", ""};
        private static final String[] PIECES = {"opened", "action", "{", "}", "[", "]", ",", ":", "\\\"", "\\\\",
            "\\/", "\\n", "\\t", "\\u00e9", "\\ud83c\\udf89", "é", "☃", "🎉", " ", "\\u0022"};
        private static final String[] NUMBERS = {"0", "-12", "3.5e+2", "1E3", "42", "-0.25"};
        private static final String[] SPACES = {"", "", " ", "\n", "\t ", "\r\n"};

        private final Random random;

        RandomJson(Random random) {
            this.random = random;
        }

        String object(int depth) {
            StringBuilder json = new StringBuilder(space() + "{");
            int keys = random.nextInt(depth == 0 ? 6 : 4);
            for (int k = 0; k < keys; k++) {
                json.append(k == 0 ? "" : ",").append(space()).append('"').append(pick(KEYS)).append('"')
                        .append(space()).append(':').append(space()).append(value(depth + 1)).append(space());
            }
            return json.append("}").append(space()).toString();
        }

        private String value(int depth) {
            int kind = random.nextInt(depth < 4 ? 7 : 5);
            return switch (kind) {
                case 0, 1 -> string();
                case 2 -> pick(NUMBERS);
                case 3 -> pick(new String[] {"true", "false", "null"});
                case 4 -> string();
                case 5 -> object(depth);
                default -> array(depth);
            };
        }

        private String array(int depth) {
            StringBuilder json = new StringBuilder("[");
            int items = random.nextInt(4);
            for (int i = 0; i < items; i++) {
                json.append(i == 0 ? "" : ",").append(space()).append(value(depth + 1)).append(space());
            }
            return json.append("]").toString();
        }

        private String string() {
            StringBuilder text = new StringBuilder("\"");
            int pieces = random.nextInt(4);
            for (int i = 0; i < pieces; i++) {
                text.append(pick(PIECES));
            }
            return text.append('"').toString();
        }

        private String space() {
            return pick(SPACES);
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }
    }
}
