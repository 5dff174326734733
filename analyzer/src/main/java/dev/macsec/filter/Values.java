package dev.macsec.filter;

import dev.macsec.field.Bytes;
import dev.macsec.field.Field;
import dev.macsec.field.FieldType;
import dev.macsec.error.InputException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/** Converts filter literals to field values and compares them. */
final class Values {
    private Values() {
    }

    private static final Pattern OCTETS = Pattern.compile("(\\p{XDigit}{2}:){1,7}\\p{XDigit}{2}");

    /** Turns the literal text into a value of the field's type; throws a clear error if it cannot. */
    static Object literal(Field field, String literal, boolean quoted, String filterText) {
        try {
            return switch (field.type()) {
                case BOOLEAN -> switch (literal.toLowerCase()) {
                    case "1", "true" -> Boolean.TRUE;
                    case "0", "false" -> Boolean.FALSE;
                    default -> throw bad(field, literal, "true, false, 1 or 0", filterText);
                };
                case UINT_HEX -> quoted ? named(field, literal, filterText)
                        : field.widthOctets() == 8 ? identifier(field, literal, filterText) : number(field, literal, filterText);
                case UINT_DEC -> quoted ? named(field, literal, filterText) : number(field, literal, filterText);
                case MAC -> quoted || !literal.contains(":") && !literal.contains("-") ? numberOrMac(field, literal, filterText) : mac(literal);
                case IPV4 -> ipv4(field, literal, filterText);
                case BYTES -> Bytes.fromHex(literal.replace(":", "").replace("-", ""));
                case STRING, PROTOCOL -> literal;
            };
        } catch (IllegalArgumentException e) {
            throw bad(field, literal, expected(field.type()), filterText);
        }
    }

    private static Object numberOrMac(Field field, String literal, String filterText) {
        return literal.length() == 12 ? Long.parseLong(literal, 16) : number(field, literal, filterText);
    }

    private static Long named(Field field, String name, String filterText) {
        for (Map.Entry<Long, String> e : field.valueNames().entrySet()) {
            if (e.getValue().equalsIgnoreCase(name)) {
                return e.getKey();
            }
        }
        throw bad(field, name, field.valueNames().isEmpty() ? "a number"
                : "a number or one of " + field.valueNames().values(), filterText);
    }

    /**
     * A 64-bit identifier (an SCI) as the output prints it, 16 hex digits without 0x, or as tshark takes it (its
     * {@code mka.sci} is a byte string: also {@code 52:54:00:00:00:0a:00:01}); else a number as for any field.
     */
    private static Long identifier(Field field, String literal, String filterText) {
        String digits = literal.replace(":", "");
        boolean octets = literal.indexOf(':') < 0 || literal.matches("(\\p{XDigit}{2}:){7}\\p{XDigit}{2}");
        if (digits.length() == 16 && octets && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
            return Long.parseUnsignedLong(digits, 16);
        }
        return number(field, literal, filterText);
    }

    private static Long number(Field field, String literal, String filterText) {
        if (OCTETS.matcher(literal).matches() && (literal.length() + 1) / 3 == field.widthOctets()) {
            // Wireshark has some of our numbers (mka.actor_mn, mka.key_number ...) as byte strings: a filter
            // copied from it writes them as octets, 00:00:00:03
            return Long.parseUnsignedLong(literal.replace(":", ""), 16);
        }
        try {
            String s = literal.toLowerCase();
            if (s.startsWith("0x")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            if (!field.valueNames().isEmpty()) {
                return named(field, literal, filterText);
            }
            throw bad(field, literal, "a number (decimal or 0x hex)", filterText);
        }
    }

    private static Long mac(String literal) {
        String[] parts = literal.split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException();
        }
        long v = 0;
        for (String p : parts) {
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return v;
    }

    private static Long ipv4(Field field, String literal, String filterText) {
        String[] parts = literal.split("\\.");
        if (parts.length != 4) {
            throw bad(field, literal, "an IPv4 address", filterText);
        }
        long v = 0;
        for (String p : parts) {
            int octet = Integer.parseInt(p);
            if (octet < 0 || octet > 255) {
                throw bad(field, literal, "an IPv4 address", filterText);
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    private static String expected(FieldType type) {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case UINT_DEC, UINT_HEX -> "a number";
            case MAC -> "a MAC address like 52:54:00:00:00:02";
            case IPV4 -> "an IPv4 address";
            case BYTES -> "hex octets";
            default -> "a string";
        };
    }

    private static InputException bad(Field field, String literal, String expected, String filterText) {
        return new InputException("display filter \"" + filterText + "\": \"" + literal + "\" is not a valid value for "
                + field.filterName() + " (expected " + expected + ")");
    }

    static int compare(Object fieldValue, Object literal) {
        Integer c = compareOrNull(fieldValue, literal);
        return c == null ? 1 : c;
    }

    /** Orders two values of the same kind; null when they are not comparable. */
    static Integer compareOrNull(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compareUnsigned(x, y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Bytes x && b instanceof Bytes y) {
            return Arrays.compareUnsigned(x.octets(), y.octets());
        }
        if (a instanceof Bytes x && b instanceof Long y) {
            return Long.compareUnsigned(toLong(x), y);
        }
        return null;
    }

    private static long toLong(Bytes bytes) {
        byte[] b = bytes.octets();
        return b.length > 8 ? -1 : b.length == 0 ? 0 : HexFormat.fromHexDigitsToLong(HexFormat.of().formatHex(b));
    }
}
