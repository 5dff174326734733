package dev.macsec.field;

/** Renders field values; the one place that knows how each {@link FieldType} looks. */
public final class FieldFormat {
    private FieldFormat() {
    }

    static String format(Field field, Object value) {
        if (value == null) {
            return "";
        }
        String text = switch (field.type()) {
            case PROTOCOL -> String.valueOf(value);
            case BOOLEAN -> ((Boolean) value) ? "True" : "False";
            case UINT_DEC -> Long.toUnsignedString((Long) value);
            case UINT_HEX -> hex((Long) value, field.widthOctets());
            case MAC -> mac((Long) value);
            case IPV4 -> ipv4((Long) value);
            case BYTES -> ((Bytes) value).hex();
            case STRING -> (String) value;
        };
        if (value instanceof Long number && !field.valueNames().isEmpty()) {
            String name = field.valueNames().get(number);
            return (name != null ? name : "Unknown") + " (" + text + ")";
        }
        return text;
    }

    static String hex(long v, int widthOctets) {
        String digits = Long.toHexString(v);
        int width = Math.max(1, widthOctets) * 2;
        if (digits.length() < width) {
            digits = "0".repeat(width - digits.length()) + digits;
        }
        return "0x" + digits;
    }

    /** An SCI as people and keys files write it: 16 lower-case hex digits. */
    public static String sci(long sci) {
        String digits = Long.toHexString(sci);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /** A 48-bit MAC address as aa:bb:cc:dd:ee:ff. */
    public static String mac(long v) {
        StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) ((v >>> shift) & 0xFF);
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
        }
        return sb.toString();
    }

    static String ipv4(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
