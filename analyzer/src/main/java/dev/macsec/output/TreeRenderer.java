package dev.macsec.output;

import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.Field;
import dev.macsec.field.FieldType;
import dev.macsec.field.FieldValue;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@code -V} detail tree: every layer and field of a frame, bit fields drawn as Wireshark draws them. */
public final class TreeRenderer {
    private static final String INDENT = "    ";

    private TreeRenderer() {
    }

    public static void render(Dissection frame, Appendable out) {
        try {
            for (FieldValue layer : frame.layers()) {
                node(layer, 0, out);
            }
            if (!frame.experts().isEmpty()) {
                out.append("[Expert Info]\n");
                for (Expert e : frame.experts()) {
                    out.append(INDENT).append('[').append(e.severity().name()).append("] ").append(e.message());
                    if (e.offset() >= 0) {
                        out.append(" (offset ").append(Integer.toString(e.offset()));
                        if (e.length() > 0) {
                            out.append(", ").append(Integer.toString(e.length())).append(e.length() == 1 ? " octet" : " octets");
                        }
                        out.append(')');
                    }
                    out.append(" {").append(e.code()).append("}\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(Dissection frame) {
        StringBuilder sb = new StringBuilder(512);
        render(frame, sb);
        return sb.toString();
    }

    private static void node(FieldValue node, int depth, Appendable out) throws IOException {
        out.append(INDENT.repeat(depth)).append(line(node)).append('\n');
        for (FieldValue child : node.children()) {
            node(child, depth + 1, out);
        }
    }

    static String line(FieldValue node) {
        Field field = node.field();
        if (field.type() == FieldType.PROTOCOL) {
            return node.value() == null ? field.displayName() : field.displayName() + ", " + node.value();
        }
        String shown = node.display();
        if (field.bitmask() != 0 && field.widthOctets() > 0 && field.widthOctets() <= 8) {
            return bitDiagram(field, node.value()) + " = " + field.displayName() + ": " + shown;
        }
        return field.displayName() + ": " + shown;
    }

    /** E.g. {@code ..1. ....} for a set flag under mask 0x20 in one octet. */
    static String bitDiagram(Field field, Object value) {
        long mask = field.bitmask();
        int bits = field.widthOctets() * 8;
        long raw = value instanceof Boolean b ? (b ? 1 : 0) : value instanceof Long l ? l : 0;
        long placed = raw << Long.numberOfTrailingZeros(mask);
        StringBuilder sb = new StringBuilder(bits + bits / 4);
        for (int i = bits - 1; i >= 0; i--) {
            long bit = 1L << i;
            sb.append((mask & bit) == 0 ? '.' : (placed & bit) != 0 ? '1' : '0');
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
