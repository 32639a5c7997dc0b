package dev.hookline.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Finds a string or number under one key at the top level of a JSON object by scanning the body's bytes: nested
 * objects and arrays are passed over by their brackets, without reading what they hold, and the scan stops at the
 * first match. A GitHub push of 15 KiB cost a streaming parser about 40 µs to read through for an action it does not
 * have (docs/benchmarks.md, item 30). Nothing here checks that the rest of the body is JSON: it is for what a lenient
 * read may miss (an event's action), not for what decides whether a delivery is taken.
 */
final class TopLevelScalar {

    /** What a scan answers when the body is not a JSON object it can read, as far as it read. */
    static final class NotAnObject extends Exception {
        NotAnObject() {
            super(null, null, false, false);
        }
    }

    private static final NotAnObject NOT_AN_OBJECT = new NotAnObject();

    private final byte[] body;
    private int at;

    private TopLevelScalar(byte[] body) {
        this.body = body;
    }

    /**
     * The text of the first string or number under this key of the body's top-level object (a string unescaped, a
     * number as written), or {@code null} when there is none.
     *
     * @throws NotAnObject when the body does not start as a JSON object in UTF-8, or is not JSON where it was read
     */
    static String find(byte[] body, String key) throws NotAnObject {
        return new TopLevelScalar(body).find(key);
    }

    private String find(String key) throws NotAnObject {
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            return null;
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            int first = peek();
            boolean wanted = name.equals(key);
            if (wanted && first == '"') {
                return string();
            }
            if (wanted && (first == '-' || (first >= '0' && first <= '9'))) {
                return number();
            }
            skipValue();
            skipSpace();
            if (peek() == '}') {
                return null;
            }
            expect(',');
        }
    }

    private int peek() throws NotAnObject {
        if (at >= body.length) {
            throw NOT_AN_OBJECT;
        }
        return body[at] & 0xFF;
    }

    private void expect(char c) throws NotAnObject {
        if (peek() != c) {
            throw NOT_AN_OBJECT;
        }
        at++;
    }

    private void skipSpace() {
        while (at < body.length && isSpace(body[at])) {
            at++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** A string, from its opening quote to past its closing one: UTF-8 decoded and unescaped. */
    private String string() throws NotAnObject {
        expect('"');
        int start = at;
        while (peek() != '"') {
            int b = peek();
            if (b == '\\') {
                return escapedString(start);
            }
            if (b < 0x20) {
                throw NOT_AN_OBJECT;
            }
            at++;
        }
        return new String(body, start, at++ - start, StandardCharsets.UTF_8);
    }

    private String escapedString(int start) throws NotAnObject {
        StringBuilder text = new StringBuilder(new String(body, start, at - start, StandardCharsets.UTF_8));
        int run = at;
        while (peek() != '"') {
            int b = peek();
            if (b < 0x20) {
                throw NOT_AN_OBJECT;
            }
            if (b != '\\') {
                at++;
                continue;
            }
            text.append(new String(body, run, at - run, StandardCharsets.UTF_8));
            at++;
            int escape = peek();
            at++;
            switch (escape) {
                case '"', '\\', '/' -> text.append((char) escape);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append(hex4());
                default -> throw NOT_AN_OBJECT;
            }
            run = at;
        }
        text.append(new String(body, run, at++ - run, StandardCharsets.UTF_8));
        return text.toString();
    }

    private char hex4() throws NotAnObject {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int c = peek();
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw NOT_AN_OBJECT;
            }
            value = value * 16 + digit;
            at++;
        }
        return (char) value;
    }

    /** A number as written: up to the first byte that cannot be part of one. */
    private String number() throws NotAnObject {
        int start = at;
        while (at < body.length && isNumberByte(body[at])) {
            at++;
        }
        if (at == body.length) {
            throw NOT_AN_OBJECT;
        }
        return new String(body, start, at - start, StandardCharsets.US_ASCII);
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    /** Any value: a string read over, an object or array passed over by its brackets, a literal or number by its end. */
    private void skipValue() throws NotAnObject {
        int first = peek();
        if (first == '"') {
            skipString();
        } else if (first == '{' || first == '[') {
            skipNested();
        } else {
            int start = at;
            while (at < body.length && body[at] != ',' && body[at] != '}' && !isSpace(body[at])) {
                at++;
            }
            if (at == start) {
                throw NOT_AN_OBJECT;
            }
        }
    }

    private void skipString() throws NotAnObject {
        at++;
        while (peek() != '"') {
            at += peek() == '\\' ? 2 : 1;
        }
        at++;
    }

    /** An object or array and all it holds, to past its closing bracket; strings are read over for their brackets. */
    private void skipNested() throws NotAnObject {
        int depth = 0;
        do {
            int b = peek();
            if (b == '"') {
                skipString();
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
            at++;
        } while (depth > 0);
    }
}
