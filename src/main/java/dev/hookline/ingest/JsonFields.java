package dev.hookline.ingest;

import dev.hookline.platform.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads scalars at JSON Pointers from a body in one streaming pass, without building a tree, and checks on the way
 * that the whole body is JSON.
 */
final class JsonFields {

    /** Deeper bodies are refused before any parser limit, whose failure differs between JSON-P implementations. */
    static final int MAX_DEPTH = 512;

    private JsonFields() {
    }

    /**
     * The text of the scalar at each pointer (a number as written), or {@code null} where there is none.
     *
     * @param pointers each pointer as its reference tokens
     * @throws UnreadableDelivery when the body is not JSON
     */
    static String[] read(byte[] body, List<List<String>> pointers) {
        String[] found = new String[pointers.size()];
        List<String> path = new ArrayList<>();
        List<int[]> arrayIndexes = new ArrayList<>();
        String key = null;
        try (JsonParser parser = parserOf(body)) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        if (arrayIndexes.size() >= MAX_DEPTH) {
                            throw new UnreadableDelivery("The body is nested deeper than " + MAX_DEPTH + " levels.");
                        }
                        if (!arrayIndexes.isEmpty()) {
                            path.add(segment(arrayIndexes, key));
                        }
                        arrayIndexes.add(event == JsonParser.Event.START_ARRAY ? new int[] {0} : null);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        arrayIndexes.remove(arrayIndexes.size() - 1);
                        if (!arrayIndexes.isEmpty()) {
                            path.remove(path.size() - 1);
                        }
                    }
                    case VALUE_STRING, VALUE_NUMBER -> capture(found, pointers, path, segment(arrayIndexes, key),
                            parser.getString());
                    case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> segment(arrayIndexes, key);
                    default -> {
                    }
                }
            }
        } catch (JsonException | IllegalStateException e) {
            throw new UnreadableDelivery("The body is not valid JSON.");
        } catch (UnreadableDelivery e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsers also fail with their own unchecked exceptions (Parsson's depth limit is one).
            throw new UnreadableDelivery("The body is not valid JSON.");
        }
        return found;
    }

    /**
     * A parser of the body. A body that starts as UTF-8 without a byte order mark, as senders post JSON (RFC 8259 asks
     * UTF-8 of JSON between systems), is decoded at once and read as characters: given bytes, a parser reads them
     * through a reader with a buffer of 8 KiB made for every body, several times the size of most. A body with a NUL
     * among its first four bytes (UTF-16 or UTF-32) or starting with a byte order mark is given as bytes, for the
     * parser to tell its encoding.
     */
    private static JsonParser parserOf(byte[] body) {
        if (startsAsUtf8(body)) {
            return JsonSupport.PARSERS.createParser(new StringReader(new String(body, StandardCharsets.UTF_8)));
        }
        return JsonSupport.PARSERS.createParser(new ByteArrayInputStream(body));
    }

    private static boolean startsAsUtf8(byte[] body) {
        if (body.length > 0 && (body[0] & 0xFF) >= 0xEF) {
            // EF BB BF, FE FF and FF FE begin the byte order marks of UTF-8, UTF-16 and UTF-32.
            return false;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** The name of the value now being read: its key in an object, or its index in an array (which advances). */
    private static String segment(List<int[]> arrayIndexes, String key) {
        if (arrayIndexes.isEmpty()) {
            return "";
        }
        int[] index = arrayIndexes.get(arrayIndexes.size() - 1);
        return index == null ? key : Integer.toString(index[0]++);
    }

    private static void capture(String[] found, List<List<String>> pointers, List<String> path, String last,
                                String value) {
        for (int i = 0; i < pointers.size(); i++) {
            List<String> pointer = pointers.get(i);
            if (found[i] == null && pointer.size() == path.size() + 1 && pointer.get(path.size()).equals(last)
                    && pointer.subList(0, path.size()).equals(path)) {
                found[i] = value;
            }
        }
    }
}
