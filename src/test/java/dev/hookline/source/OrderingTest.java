package dev.hookline.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderingTest {

    private static final byte[] BODY = "{\"data\":{\"account\":\"acct_1\",\"n\":7}}".getBytes(UTF_8);

    @Test
    void keyFromAJsonPointer() {
        assertEquals("acct_1", new Ordering(Selector.parse("json:/data/account")).keyOf(Map.of(), BODY));
        assertEquals("7", new Ordering(Selector.parse("json:/data/n")).keyOf(Map.of(), BODY));
    }

    @Test
    void keyFromAHeaderOfAnyCase() {
        Map<String, List<String>> headers = Map.of("x-account", List.of("acct_2"));
        assertEquals("acct_2", new Ordering(Selector.parse("header:X-Account")).keyOf(headers, BODY));
    }

    @Test
    void withoutSelectorOrValueTheSourceIsOneLine() {
        assertEquals("", new Ordering(null).keyOf(Map.of(), BODY));
        assertEquals("", new Ordering(Selector.parse("json:/missing")).keyOf(Map.of(), BODY));
        assertEquals("", new Ordering(Selector.parse("json:/data")).keyOf(Map.of(), BODY));
        assertEquals("", new Ordering(Selector.parse("json:/data")).keyOf(Map.of(), "not json".getBytes(UTF_8)));
    }
}
