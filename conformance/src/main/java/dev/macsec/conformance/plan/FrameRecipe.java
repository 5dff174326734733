package dev.macsec.conformance.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.macsec.conformance.generator.GeneratedFrame;
import dev.macsec.conformance.generator.Mutation;
import dev.macsec.conformance.generator.TrafficGenerator;

import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * One frame of a plan's procedure, as {@link TrafficGenerator.Spec} builds it: every field absent is the generator's
 * default (AN 0, PN 1, encrypted, explicit SCI, 40 octets of ICMP data).
 *
 * @param pn  the full PN, decimal or 0x-hex (XPN: 64 bits)
 * @param sci another SCI, 16 hex digits
 * @param source another source MAC, colon-separated
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FrameRecipe(Integer an, String pn, Boolean encrypt, Boolean eWithoutC, Integer offset, Boolean implicitSci,
                          Boolean endStation, String sci, String source, Integer data, Boolean untagged,
                          List<Mutation> mutate, String note) {

    /** The same frame with confidentiality offset {@code o}. */
    public FrameRecipe withOffset(int o) {
        return new FrameRecipe(an, pn, encrypt, eWithoutC, o == 0 ? null : o, implicitSci, endStation, sci, source, data,
                untagged, mutate, note);
    }

    /** Sent without a SecTAG. */
    public boolean sentUntagged() {
        return Boolean.TRUE.equals(untagged);
    }

    public int anOrDefault() {
        return an == null ? 0 : an;
    }

    /** Builds the frame with {@code g} (which numbers its echo). */
    public GeneratedFrame build(TrafficGenerator g) {
        TrafficGenerator.Spec s = g.frame();
        if (sentUntagged()) {
            s.untagged();
        }
        if (an != null) {
            s.an(an);
        }
        if (pn != null) {
            s.pn(TestPlan.number(pn));
        }
        if (encrypt != null) {
            s.encrypt(encrypt);
        }
        if (Boolean.TRUE.equals(eWithoutC)) {
            s.eWithoutC();
        }
        if (offset != null) {
            s.offset(offset);
        }
        if (Boolean.TRUE.equals(implicitSci)) {
            s.implicitSci();
        }
        if (Boolean.TRUE.equals(endStation)) {
            s.endStation();
        }
        if (sci != null) {
            s.sci(Long.parseUnsignedLong(sci, 16));
        }
        if (source != null) {
            s.source(HexFormat.ofDelimiter(":").parseHex(source));
        }
        if (data != null) {
            s.data(data);
        }
        if (mutate != null) {
            mutate.forEach(s::mutate);
        }
        if (note != null) {
            s.note(note);
        }
        return s.build();
    }

    /** How a person reads it in the plan: "AN 0, PN 10, E=1 C=1". */
    public String describe() {
        if (sentUntagged()) {
            return "untagged (no SecTAG)" + (source != null ? ", from " + source : "");
        }
        StringJoiner j = new StringJoiner(", ");
        j.add("AN " + anOrDefault());
        j.add("PN " + (pn == null ? "1" : pn));
        j.add(Boolean.TRUE.equals(eWithoutC) ? "E=1 C=0" : encrypt == null || encrypt ? "E=1 C=1" : "E=0 C=0 (integrity only)");
        if (offset != null && offset != 0) {
            j.add("confidentiality offset " + offset);
        }
        if (Boolean.TRUE.equals(endStation)) {
            j.add("ES=1 SC=0");
        } else if (Boolean.TRUE.equals(implicitSci)) {
            j.add("SC=0 ES=0");
        }
        if (sci != null) {
            j.add("SCI " + sci);
        }
        if (source != null) {
            j.add("from " + source);
        }
        if (data != null) {
            j.add(data + " octets of ICMP data");
        }
        if (mutate != null && !mutate.isEmpty()) {
            j.add("then " + String.join(" + ", mutate.stream().map(Enum::name).toList()));
        }
        if (note != null) {
            j.add("(" + note + ")");
        }
        return j.toString();
    }
}
