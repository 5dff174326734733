package dev.macsec.field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything decoded from one frame: the protocol layers in order (each a {@link FieldValue} tree) and the
 * expert items. Decoders append layers; analysis may add its own layer (verdict, decrypted frame).
 */
public final class Dissection {
    private final List<FieldValue> layers = new ArrayList<>(4);
    private final List<Expert> experts = new ArrayList<>(0);

    /** Starts a new protocol layer and returns its root. */
    public FieldValue addLayer(Field protocol, int offset, int length) {
        FieldValue root = new FieldValue(protocol, offset, length, null);
        layers.add(root);
        return root;
    }

    public void addExpert(Expert expert) {
        experts.add(expert);
    }

    public void addExpert(Severity severity, String code, String message, int offset, int length) {
        experts.add(new Expert(severity, code, message, offset, length));
    }

    public List<FieldValue> layers() {
        return Collections.unmodifiableList(layers);
    }

    public List<Expert> experts() {
        return Collections.unmodifiableList(experts);
    }

    /** The first value of a field anywhere in the frame, or null. */
    public FieldValue first(Field field) {
        for (FieldValue layer : layers) {
            FieldValue hit = layer.find(field);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** Every value of a field in the frame, in tree order (a field may occur several times, e.g. VLAN IDs). */
    public List<FieldValue> all(Field field) {
        List<FieldValue> hits = new ArrayList<>(2);
        for (FieldValue layer : layers) {
            layer.collect(field, hits);
        }
        return hits;
    }

    /** The highest layer's protocol name, for the Protocol column. */
    public String topProtocol() {
        return layers.isEmpty() ? "" : layers.get(layers.size() - 1).field().displayName();
    }
}
