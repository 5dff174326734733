package dev.macsec.keys;

import dev.macsec.error.InputException;

/**
 * Plain hexadecimal for key material: digits only, either case, no separators. Separators are refused
 * rather than skipped so that a pasted value with a stray character is reported instead of silently
 * becoming a different key.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /**
     * Decodes {@code text}; {@code where} names the field for the error message (e.g. {@code saks[0].sak}).
     * The message never repeats the value, since it may be a key.
     */
    public static byte[] parse(String where, String text) {
        if (text.isEmpty()) {
            throw new InputException(where + ": empty; expected hex digits");
        }
        for (int i = 0; i < text.length(); i++) {
            if (!SafeText.isHexDigit(text.charAt(i))) {
                char c = text.charAt(i);
                String shown = c == ' ' ? "a space" : c == ':' ? "':'" : c < 0x20 || c > 0x7e
                        ? String.format("U+%04X", (int) c) : "'" + c + "'";
                throw new InputException(where + ": not hex: " + shown + " at position " + (i + 1)
                        + " (write plain hex digits, no separators)");
            }
        }
        if ((text.length() & 1) != 0) {
            throw new InputException(where + ": odd number of hex digits (" + text.length() + ")");
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(text.charAt(2 * i)) << 4 | digit(text.charAt(2 * i + 1)));
        }
        return out;
    }

    /** An ASCII hex digit's value ({@link Character#digit} would also take full-width and other scripts' digits). */
    private static int digit(char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /** Decodes hex the program itself wrote (tests, constants); a bad value is a bug, not user input. */
    public static byte[] of(String text) {
        if (text.isEmpty()) {
            return new byte[0];
        }
        try {
            return parse("hex constant", text);
        } catch (InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length);
    }

    public static String format(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(out);
    }
}
