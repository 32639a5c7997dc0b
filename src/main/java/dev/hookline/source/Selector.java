package dev.hookline.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a delivery's event type or id is found: a header ({@code header:X-GitHub-Event}), a value in the JSON body
 * ({@code json:/data/id}, an RFC 6901 JSON Pointer), a field of a form-encoded body ({@code form:MessageSid}) or a
 * value in JSON that a form field holds ({@code form:payload|json:/type}, as Slack's interactivity posts it).
 * {@code none} turns a scheme's preset off.
 */
public sealed interface Selector {

    /** A request header, read by case-insensitive name. */
    record Header(String name) implements Selector {
    }

    /**
     * A field of an {@code application/x-www-form-urlencoded} body; with {@code json}, the value at that pointer in the
     * JSON the field holds.
     */
    record Form(String field, Json json) implements Selector {
    }

    /** A scalar of the JSON body at a JSON Pointer, kept as its reference tokens. */
    record Json(String pointer, List<String> tokens) implements Selector {
    }

    /** The text that turns a preset off. */
    String NONE = "none";

    /**
     * Parses {@code header:<Name>}, {@code json:<pointer>}, {@code form:<field>} or
     * {@code form:<field>|json:<pointer>}.
     *
     * @throws IllegalArgumentException saying what is wrong, for the caller to prefix with the key
     */
    static Selector parse(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String where = colon < 0 ? "" : text.substring(colon + 1).trim();
        switch (kind) {
            case "header":
                if (where.isEmpty() || !where.chars().allMatch(Selector::isTokenChar)) {
                    throw new IllegalArgumentException("'" + text + "' does not name a header");
                }
                return new Header(where);
            case "json":
                return new Json(where, tokens(text, where));
            case "form":
                int bar = where.indexOf('|');
                String field = bar < 0 ? where : where.substring(0, bar).trim();
                if (field.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' does not name a form field");
                }
                if (bar < 0) {
                    return new Form(field, null);
                }
                if (!(parse(where.substring(bar + 1)) instanceof Json json)) {
                    throw new IllegalArgumentException("'" + text + "' reads a form field's value other than by"
                            + " json:<JSON Pointer>");
                }
                return new Form(field, json);
            default:
                throw new IllegalArgumentException("'" + text
                        + "' is none of header:<Name>, json:<JSON Pointer>, form:<field>, form:<field>|json:<JSON"
                        + " Pointer> or none");
        }
    }

    private static List<String> tokens(String text, String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("'" + text + "' has a JSON Pointer that does not start with /");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            if (raw.replace("~0", "").replace("~1", "").contains("~")) {
                throw new IllegalArgumentException("'" + text + "' has a ~ that is not ~0 or ~1");
            }
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return List.copyOf(tokens);
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
