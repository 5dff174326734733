package dev.macsec.filter;

import dev.macsec.field.Dissection;
import dev.macsec.field.Field;
import dev.macsec.field.FieldValue;
import dev.macsec.error.InputException;
import java.util.List;
import java.util.function.Function;

/**
 * A display filter over the field table, with the grammar of Wireshark's most used subset:
 * <pre>
 *   expr    := or
 *   or      := and ( ("or" | "||") and )*
 *   and     := unary ( ("and" | "&&") unary )*
 *   unary   := ("not" | "!") unary | "(" expr ")" | test
 *   test    := FIELD [ op value ]          (a bare field tests presence)
 *   op      := == | != | &lt; | &gt; | &lt;= | &gt;= | eq | ne | lt | gt | le | ge
 *   value   := number | 0xhex | "string" | true | false | MAC | IPv4 | hex octets
 * </pre>
 * A comparison holds when some occurrence of the field satisfies it; {@code !=} holds when the field is
 * present and no occurrence equals the value (Wireshark's semantics since 3.6).
 */
public final class DisplayFilter {
    private final String text;
    private final Node root;

    private DisplayFilter(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses a filter over the fields {@code fields} knows (null for an unknown name): the analyzer's
     * ({@code FieldCatalog::lookup}), or a test's own; an {@link InputException} names the position and what was
     * expected.
     */
    public static DisplayFilter parse(String text, Function<String, Field> fields) {
        Parser parser = new Parser(text, fields);
        Node root = parser.parseAll();
        return new DisplayFilter(text, root);
    }

    public boolean matches(Dissection frame) {
        return root.eval(frame);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    sealed interface Node permits And, Or, Not, Presence, Comparison {
        boolean eval(Dissection d);
    }

    record And(Node left, Node right) implements Node {
        public boolean eval(Dissection d) {
            return left.eval(d) && right.eval(d);
        }
    }

    record Or(Node left, Node right) implements Node {
        public boolean eval(Dissection d) {
            return left.eval(d) || right.eval(d);
        }
    }

    record Not(Node inner) implements Node {
        public boolean eval(Dissection d) {
            return !inner.eval(d);
        }
    }

    record Presence(Field field) implements Node {
        public boolean eval(Dissection d) {
            return d.first(field) != null;
        }
    }

    enum Op { EQ, NE, LT, GT, LE, GE }

    record Comparison(Field field, Op op, Object value) implements Node {
        public boolean eval(Dissection d) {
            List<FieldValue> hits = d.all(field);
            if (hits.isEmpty()) {
                return false;
            }
            if (op == Op.NE) {
                for (FieldValue hit : hits) {
                    if (Values.compare(hit.value(), value) == 0) {
                        return false;
                    }
                }
                return true;
            }
            for (FieldValue hit : hits) {
                Integer c = Values.compareOrNull(hit.value(), value);
                if (c == null) {
                    continue;
                }
                boolean ok = switch (op) {
                    case EQ -> c == 0;
                    case LT -> c < 0;
                    case GT -> c > 0;
                    case LE -> c <= 0;
                    case GE -> c >= 0;
                    case NE -> throw new AssertionError();
                };
                if (ok) {
                    return true;
                }
            }
            return false;
        }
    }

    static Field field(Function<String, Field> fields, String name, int position, String text) {
        Field field = fields.apply(name);
        if (field == null) {
            throw new InputException("display filter \"" + text + "\": unknown field \"" + name + "\" at column "
                    + (position + 1) + " (list the fields with 'macsec fields')");
        }
        return field;
    }
}
