package dev.macsec.field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One decoded field in one frame: which field, where its bytes are, its value, and (for protocols and
 * groups) its children. Built by decoders through {@link #add}; read-only for everybody else.
 */
public final class FieldValue {
    private final Field field;
    private final int offset;
    private final int length;
    private final Object value;
    private List<FieldValue> children;

    public FieldValue(Field field, int offset, int length, Object value) {
        this.field = field;
        this.offset = offset;
        this.length = length;
        this.value = value;
    }

    public Field field() {
        return field;
    }

    /** Offset of the field's first octet from the start of the frame. */
    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public Object value() {
        return value;
    }

    public List<FieldValue> children() {
        return children == null ? List.of() : Collections.unmodifiableList(children);
    }

    /** Adds a child and returns it, so decoders can nest: {@code tci = sectag.add(...); tci.add(...)}. */
    public FieldValue add(Field child, int offset, int length, Object value) {
        FieldValue node = new FieldValue(child, offset, length, value);
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(node);
        return node;
    }

    /** Depth-first search for the first value of a field in this subtree (including this node). */
    public FieldValue find(Field wanted) {
        if (field.equals(wanted)) {
            return this;
        }
        if (children != null) {
            for (FieldValue child : children) {
                FieldValue hit = child.find(wanted);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    void collect(Field wanted, List<FieldValue> into) {
        if (field.equals(wanted)) {
            into.add(this);
        }
        if (children != null) {
            for (FieldValue child : children) {
                child.collect(wanted, into);
            }
        }
    }

    /** The value as rendered by its field. */
    public String display() {
        return field.format(value);
    }

    @Override
    public String toString() {
        return field.filterName() + "=" + display();
    }
}
