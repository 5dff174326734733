package dev.macsec.keys;

/**
 * Text from a keys file (or a key option) made fit for an error message. Two dangers: a key pasted in the wrong
 * place (as a field name, a cipher suite) would be repeated on the terminal and in CI logs, and a name can carry
 * newlines or terminal escapes (JSON allows {@code "\u001b"} in a field name) that break the one-line error or
 * drive the terminal.
 * <p>
 * The rule: text that holds {@value #KEY_LIKE_HEX_DIGITS} or more hex digits in a row, once the separators people
 * paste keys with ({@code : - . _} and white space) are taken out, could be a key or half of one (every key is at
 * least 32 digits), and is shown only by its length; so is text longer than {@value #MAX_SHOWN} characters. Anything
 * else is shown, with every character outside printable ASCII written as {@code \}{@code uXXXX}.
 */
public final class SafeText {
    static final int KEY_LIKE_HEX_DIGITS = 16;
    static final int MAX_SHOWN = 64;

    private SafeText() {
    }

    /** {@code "text"}, escaped; or {@code (N characters, not shown: ...)} when it could be a key or is too long. */
    public static String quoted(String text) {
        if (couldBeKey(text)) {
            return "(" + text.length() + " characters, not shown: it could be a key)";
        }
        if (text.length() > MAX_SHOWN) {
            return "(" + text.length() + " characters, too long to show)";
        }
        return '"' + escape(text) + '"';
    }

    /** True when {@code text} has a run of {@value #KEY_LIKE_HEX_DIGITS} hex digits, separators skipped. */
    public static boolean couldBeKey(CharSequence text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isHexDigit(c)) {
                if (++run >= KEY_LIKE_HEX_DIGITS) {
                    return true;
                }
            } else if (!isSeparator(c)) {
                run = 0;
            }
        }
        return false;
    }

    /**
     * {@code text} with every character outside printable ASCII as {@code \}{@code uXXXX}, and {@code "} and
     * {@code \} escaped, so that what is printed is one line and inert on a terminal.
     */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A message written by a library about the file's text (Jackson's parse errors quote tokens and field names):
     * escaped, and each run of hex digits that could be a key replaced by its length.
     */
    public static String message(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int end = i;
            int digits = 0;
            while (end < text.length() && (isHexDigit(text.charAt(end)) || digits > 0 && isSeparator(text.charAt(end)))) {
                if (isHexDigit(text.charAt(end))) {
                    digits++;
                }
                end++;
            }
            if (digits >= KEY_LIKE_HEX_DIGITS) {
                out.append("<").append(digits).append(" hex digits, not shown>");
                i = end;
            } else if (end > i) {
                out.append(escape(text.substring(i, end)));
                i = end;
            } else {
                out.append(escape(text.substring(i, i + 1)));
                i++;
            }
        }
        return out.toString();
    }

    /** ASCII hex digits only: {@link Character#digit} would also take full-width and other scripts' digits. */
    static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isSeparator(char c) {
        return c == ':' || c == '-' || c == '.' || c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
