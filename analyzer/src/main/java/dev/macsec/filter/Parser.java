package dev.macsec.filter;

import dev.macsec.error.InputException;
import dev.macsec.field.Field;
import dev.macsec.filter.DisplayFilter.And;
import dev.macsec.filter.DisplayFilter.Comparison;
import dev.macsec.filter.DisplayFilter.Node;
import dev.macsec.filter.DisplayFilter.Not;
import dev.macsec.filter.DisplayFilter.Op;
import dev.macsec.filter.DisplayFilter.Or;
import dev.macsec.filter.DisplayFilter.Presence;
import java.util.function.Function;

/** Recursive-descent parser for {@link DisplayFilter}; nesting is bounded so hostile input cannot overflow the stack. */
final class Parser {
    private static final int MAX_DEPTH = 64;

    private final String text;
    private final Function<String, Field> fields;
    private int pos;
    private int depth;

    Parser(String text, Function<String, Field> fields) {
        this.text = text == null ? "" : text;
        this.fields = fields;
    }

    Node parseAll() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("empty filter");
        }
        Node node = or();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected \"" + text.substring(pos, Math.min(text.length(), pos + 10)) + "\"");
        }
        return node;
    }

    private Node or() {
        Node left = and();
        while (keyword("or") || symbol("||")) {
            left = new Or(left, and());
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (keyword("and") || symbol("&&")) {
            left = new And(left, unary());
        }
        return left;
    }

    private Node unary() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (keyword("not") || (peekIs('!') && !peekIs("!=") && symbol("!"))) {
                return new Not(unary());
            }
            if (symbol("(")) {
                Node inner = or();
                if (!symbol(")")) {
                    throw error("missing \")\"");
                }
                return inner;
            }
            return test();
        } finally {
            depth--;
        }
    }

    private Node test() {
        skipSpace();
        int start = pos;
        String name = identifier();
        if (name.isEmpty()) {
            throw error(pos >= text.length() ? "a field name was expected at the end" : "a field name was expected");
        }
        Field field = DisplayFilter.field(fields, name, start, text);
        Op op = operator();
        if (op == null) {
            return new Presence(field);
        }
        skipSpace();
        boolean quoted = peekIs('"');
        String literal = quoted ? quotedString() : bareValue();
        if (literal.isEmpty() && !quoted) {
            throw error("a value was expected after the operator");
        }
        return new Comparison(field, op, Values.literal(field, literal, quoted, text));
    }

    private Op operator() {
        skipSpace();
        String[][] table = {
                {"==", "EQ"}, {"!=", "NE"}, {"<=", "LE"}, {">=", "GE"}, {"<", "LT"}, {">", "GT"},
        };
        for (String[] entry : table) {
            if (text.startsWith(entry[0], pos)) {
                pos += entry[0].length();
                return Op.valueOf(entry[1]);
            }
        }
        for (String word : new String[] {"eq", "ne", "lt", "gt", "le", "ge"}) {
            if (keyword(word)) {
                return Op.valueOf(word.toUpperCase());
            }
        }
        return null;
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private String bareValue() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ')' || c == '(') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quotedString() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        pos = start;
        throw error("unterminated string");
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.regionMatches(true, pos, word, 0, word.length())
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '.' && text.charAt(end) != '_')) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        skipSpace();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private boolean peekIs(char c) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean peekIs(String s) {
        skipSpace();
        return text.startsWith(s, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private InputException error(String what) {
        return new InputException("display filter \"" + text + "\": " + what + " at column " + (pos + 1));
    }
}
