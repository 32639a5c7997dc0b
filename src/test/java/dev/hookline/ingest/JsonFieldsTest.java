package dev.hookline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scalars read at pointers whatever the body's Unicode encoding: UTF-8 is read as decoded characters, UTF-16 and
 * UTF-32 and bodies with a byte order mark as bytes whose encoding the parser tells.
 */
class JsonFieldsTest {

    private static final String BODY = "{\"action\":\"opened\",\"issue\":{\"id\":42,\"title\":\"Zoë's ☃ 🎉\"},"
            + "\"labels\":[{\"name\":\"bug\"},{\"name\":\"ui\"}]}";

    private static final List<List<String>> POINTERS = List.of(List.of("action"), List.of("issue", "id"),
            List.of("issue", "title"), List.of("labels", "1", "name"), List.of("missing"));

    private static final String[] FOUND = {"opened", "42", "Zoë's ☃ 🎉", "ui", null};

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void readsTheSameScalarsInEveryUnicodeEncoding(String encoding) {
        assertArrayEquals(FOUND, JsonFields.read(BODY.getBytes(Charset.forName(encoding)), POINTERS));
    }

    @Test
    void readsABodyThatStartsWithUtf8sByteOrderMark() {
        byte[] utf8 = BODY.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[utf8.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, marked, 3, utf8.length);
        assertArrayEquals(FOUND, JsonFields.read(marked, POINTERS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"action\":", "action=opened", "{\"a\":1}{", "\u0000{}"})
    void refusesWhatIsNotJson(String body) {
        assertThrows(UnreadableDelivery.class,
                () -> JsonFields.read(body.getBytes(StandardCharsets.UTF_8), POINTERS));
    }
}
