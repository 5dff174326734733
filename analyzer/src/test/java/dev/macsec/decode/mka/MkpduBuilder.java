package dev.macsec.decode.mka;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Test-only MKPDU construction (802.1X-2020 11.11 layouts), padding each body to 4 octets. */
final class MkpduBuilder {
    static final String PAE = "0180c2000003";
    static final String SRC = "525400000001";
    static final String MI = "0102030405060708090a0b0c";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    /** Basic set with MACsec desired, capability 3, the given CKN. */
    MkpduBuilder basic(int version, int bodyLenDelta, String ckn) {
        byte[] c = hex(ckn);
        int len = 28 + c.length + bodyLenDelta;
        out.write(version);
        out.write(16);
        out.write(0x80 | 0x40 | 0x30 | ((len >> 8) & 0x0F));
        out.write(len & 0xFF);
        out.writeBytes(hex("5254000000010001" + MI + "00000007" + "0080c201"));
        out.writeBytes(c);
        pad(c.length);
        return this;
    }

    MkpduBuilder set(int type, int typeSpecific, int flags, String body) {
        return set(type, typeSpecific, flags, hex(body), -1, true);
    }

    MkpduBuilder set(int type, int typeSpecific, int flags, byte[] body, int lengthOverride, boolean pad) {
        int len = lengthOverride >= 0 ? lengthOverride : body.length;
        out.write(type);
        out.write(typeSpecific);
        out.write(flags | ((len >> 8) & 0x0F));
        out.write(len & 0xFF);
        out.writeBytes(body);
        if (pad) {
            pad(body.length);
        }
        return this;
    }

    MkpduBuilder raw(String hex) {
        out.writeBytes(hex(hex));
        return this;
    }

    MkpduBuilder icv() {
        out.writeBytes(hex("c0".repeat(16)));
        return this;
    }

    private void pad(int len) {
        for (int i = len; i % 4 != 0; i++) {
            out.write(0);
        }
    }

    byte[] body() {
        return out.toByteArray();
    }

    /** Ethernet + EAPOL v3 type 5 around the MKPDU, with an optional Ethernet trailer. */
    byte[] frame(String dst, int trailer) {
        byte[] mkpdu = body();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(hex(dst + SRC + "888e" + "0305"));
        f.write(mkpdu.length >> 8);
        f.write(mkpdu.length & 0xFF);
        f.writeBytes(mkpdu);
        f.writeBytes(new byte[trailer]);
        return f.toByteArray();
    }

    byte[] frame() {
        return frame(PAE, 0);
    }
}
