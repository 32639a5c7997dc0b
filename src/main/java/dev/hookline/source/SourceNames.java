package dev.hookline.source;

/**
 * What a source name may be: lower-case letters, digits, {@code -} and {@code _}, at most {@value #LONGEST}
 * characters, starting with a letter or a digit. Configuration is checked against it at start-up, and the webhook
 * path against it on every request, so it is a loop rather than a regular expression.
 */
public final class SourceNames {

    static final int LONGEST = 64;

    private SourceNames() {
    }

    /** Whether the text from {@code from} to its end is one source name and nothing else. */
    public static boolean isName(String text, int from) {
        int length = text.length() - from;
        if (length < 1 || length > LONGEST) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || i > from && (c == '-' || c == '_');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
