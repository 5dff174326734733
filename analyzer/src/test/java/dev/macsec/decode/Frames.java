package dev.macsec.decode;

import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.Field;
import dev.macsec.field.FieldValue;
import dev.macsec.testing.ProjectFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: build frames from hex parts, decode, look at fields and experts. */
public final class Frames {
    private Frames() {
    }

    public static byte[] hex(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            out.writeBytes(HexFormat.of().parseHex(p.replaceAll("[\\s:]", "")));
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] zeros(int n) {
        return new byte[n];
    }

    public static Dissection decode(int linkType, byte[] frame) {
        Dissection d = new Dissection();
        new FrameDecoder().decode(linkType, frame, 0, frame.length, d);
        return d;
    }

    public static Dissection decodeEthernet(byte[] frame) {
        return decode(LinkLayer.LINKTYPE_ETHERNET, frame);
    }

    public static Object value(Dissection d, Field f) {
        FieldValue v = d.first(f);
        return v == null ? null : v.value();
    }

    public static List<String> codes(Dissection d) {
        return d.experts().stream().map(Expert::code).toList();
    }

    public static Expert expert(Dissection d, String code) {
        return d.experts().stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no expert " + code + " in " + d.experts()));
    }

    public static CapturedFrames.Capture pcap(String relative) throws IOException {
        return CapturedFrames.read(ProjectFiles.pcap(relative));
    }
}
