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
    /** What the analysis raised about the frame (MKA findings): filterable, but shown in its own layer. */
    private List<Expert> analysisExperts = List.of();

    /** Starts a new protocol layer and returns its root. */
    public FieldValue addLayer(Field protocol, int offset, int length) {
        FieldValue root = new FieldValue(protocol, offset, length, null);
        layers.add(root);
        return root;
    }

    public void addExpert(Expert expert) {
        experts.add(expert);
    }

    /** An occurrence of a registered anomaly, with the message saying what was found where. */
    public void addExpert(ExpertInfo info, String message, int offset, int length) {
        experts.add(info.at(message, offset, length));
    }

    /**
     * An anomaly the analysis found (an MKA finding): the display filter sees it like a decoder's, the views show it
     * in the analysis layer rather than under the frame's expert info.
     */
    public void addAnalysisExpert(Expert expert) {
        if (analysisExperts.isEmpty()) {
            analysisExperts = new ArrayList<>(2);
        }
        analysisExperts.add(expert);
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
        List<FieldValue> expert = expertValues(field);
        return expert.isEmpty() ? null : expert.get(0);
    }

    /** Every value of a field in the frame, in tree order (a field may occur several times, e.g. VLAN IDs). */
    public List<FieldValue> all(Field field) {
        List<FieldValue> hits = new ArrayList<>(2);
        for (FieldValue layer : layers) {
            layer.collect(field, hits);
        }
        if (hits.isEmpty()) {
            hits.addAll(expertValues(field));
        }
        return hits;
    }

    /** The values of an expert field ({@code expert}, {@code expert.message}, a code ...): empty for any other. */
    private List<FieldValue> expertValues(Field field) {
        if (experts.isEmpty() && analysisExperts.isEmpty() || !ExpertInfo.isExpertField(field)) {
            return List.of(); // no allocation for the fields the views look up in every frame
        }
        List<FieldValue> hits = new ArrayList<>(2);
        ExpertInfo.collect(field, experts, hits);
        ExpertInfo.collect(field, analysisExperts, hits);
        return hits;
    }

    /** The highest layer's protocol name, for the Protocol column. */
    public String topProtocol() {
        return layers.isEmpty() ? "" : layers.get(layers.size() - 1).field().displayName();
    }
}
