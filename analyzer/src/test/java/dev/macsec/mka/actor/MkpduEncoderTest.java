package dev.macsec.mka.actor;

import dev.macsec.decode.mka.EapolDecoder;
import dev.macsec.decode.mka.Mkpdu;
import dev.macsec.decode.mka.ParameterSet;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.keys.KeyHierarchy;
import dev.macsec.keys.MkpduIcv;
import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoder against the decoder and against MKPDUs wpa_supplicant 2.10 really sent (pcaps/linux-dut/mka.pcap). */
class MkpduEncoderTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CAK = HEX.parseHex("0123456789abcdef0123456789abcdef");
    private static final byte[] CKN = HEX.parseHex("6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435");
    private static final byte[] SRC = HEX.parseHex("525400000001");

    static List<byte[]> mkpduFrames() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ProjectFiles.pcap("linux-dut/mka.pcap"))).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        for (int p = 24; p + 16 <= b.limit(); ) {
            int caplen = b.getInt(p + 8);
            byte[] f = new byte[caplen];
            b.get(p + 16, f);
            if ((f[12] & 0xFF) == 0x88 && (f[13] & 0xFF) == 0x8E && f[15] == 5) {
                out.add(f);
            }
            p += 16 + caplen;
        }
        return out;
    }

    private static Mkpdu decode(byte[] f) {
        Dissection d = new Dissection();
        Mkpdu m = EapolDecoder.decode(f, 0, 0, 14, f.length, d);
        assertTrue(d.experts().isEmpty(), () -> "decoder anomalies: " + d.experts());
        return m;
    }

    @Test
    void reencodingEveryCapturedMkpduGivesTheSameOctetsAndIcv() throws IOException {
        byte[] ick = KeyHierarchy.ick(CAK, CKN);
        List<byte[]> frames = mkpduFrames();
        assertEquals(36, frames.size());
        for (byte[] f : frames) {
            Mkpdu m = decode(f);
            int eapolLen = (f[16] & 0xFF) << 8 | (f[17] & 0xFF);
            byte[] original = Arrays.copyOf(f, 18 + eapolLen);
            byte[] src = Arrays.copyOfRange(f, 6, 12);
            assertArrayEquals(original, MkpduEncoder.encode(m, src, ick), "MN " + m.actorMn());
            assertArrayEquals(original, MkpduEncoder.encode(m, src, null), "MN " + m.actorMn() + " (ICV kept)");
        }
    }

    @Test
    void everyParameterSetKindRoundTrips() {
        Bytes mi = new Bytes(HEX.parseHex("0102030405060708090a0b0c"));
        Bytes mi2 = new Bytes(HEX.parseHex("a1a2a3a4a5a6a7a8a9aaabac"));
        List<ParameterSet> sets = List.of(
                new ParameterSet.LivePeerList(7, List.of(new ParameterSet.PeerEntry(mi2, 9), new ParameterSet.PeerEntry(mi, 0xFFFFFFFFL))),
                new ParameterSet.PotentialPeerList(List.of(new ParameterSet.PeerEntry(mi2, 1))),
                new ParameterSet.SakUse(2, true, true, 1, false, true, false, true, true, true, mi2, 5, 0x1234, mi, 4, 0x8000_0000L),
                new ParameterSet.DistributedSak(3, 2, 0x01020304L, 0x0080C20001000002L, true, new Bytes(new byte[40])),
                new ParameterSet.DistributedCak(new Bytes(new byte[24]), new Bytes("abc".getBytes())),
                new ParameterSet.Kmd(new Bytes("kmd!".getBytes())),
                new ParameterSet.Announcement(List.of(new ParameterSet.AnnouncementTlv(112,
                        new Bytes(HEX.parseHex("00030080c20001000001")),
                        List.of(new ParameterSet.CipherSuiteEntry(3, 0x0080C20001000001L))))),
                new ParameterSet.Xpn(5, 1, 2),
                new ParameterSet.Unknown(0x70, 3, new Bytes(new byte[] {9, 8, 7, 6})),
                new ParameterSet.IcvIndicator(16));
        List<byte[]> enc = new ArrayList<>();
        enc.add(MkpduEncoder.basic(new MkpduEncoder.Basic(3, 16, true, true, 3, 0x5254000000010001L, mi.octets(), 42,
                Mkpdu.ALGORITHM_AGILITY_2010, CKN)));
        sets.forEach(s -> enc.add(MkpduEncoder.encode(s)));
        byte[] ick = KeyHierarchy.ick(CAK, CKN);
        byte[] frame = MkpduEncoder.frame(SRC, enc, ick);
        Dissection d = new Dissection();
        Mkpdu m = EapolDecoder.decode(frame, 0, 0, 14, frame.length, d);
        assertNotNull(m);
        assertEquals(3, m.version());
        assertEquals(0x5254000000010001L, m.sci());
        assertEquals(42, m.actorMn());
        assertEquals(new Bytes(CKN), m.ckn());
        assertEquals(sets, m.parameterSets());
        // only the "unknown set" note: everything else is well formed
        assertEquals(List.of("mka.unknown_param_set"), d.experts().stream().map(e -> e.code()).toList());
        assertTrue(MkpduIcv.verify(ick, frame, 0, frame.length - 16, frame.length - 16));
        assertArrayEquals(frame, MkpduEncoder.encode(m, SRC, ick));
    }

    @Test
    void malformedPartsAreWhatTheDecoderFlags() {
        byte[] mi = new byte[12];
        MkpduEncoder.Basic fields = new MkpduEncoder.Basic(1, 16, false, true, 3, 1, mi, 1,
                Mkpdu.ALGORITHM_AGILITY_2010, CKN);
        byte[] badPeers = MkpduEncoder.raw(ParameterSet.LIVE_PEER_LIST, 0, 0, 15, new byte[16], true);
        byte[] frame = MkpduEncoder.frame(SRC, List.of(MkpduEncoder.basic(fields), badPeers), null);
        Dissection d = new Dissection();
        EapolDecoder.decode(frame, 0, 0, 14, frame.length, d);
        List<String> codes = d.experts().stream().map(e -> e.code()).toList();
        assertTrue(codes.contains("mka.bad_body_length"), codes::toString);

        byte[] longBasic = MkpduEncoder.frame(SRC, List.of(MkpduEncoder.basic(fields, 4)), null);
        Dissection d1 = new Dissection();
        EapolDecoder.decode(longBasic, 0, 0, 14, longBasic.length, d1);
        assertFalse(d1.experts().isEmpty(), "a Basic set longer than its octets is flagged");

        byte[] shortEapol = MkpduEncoder.frame(MkpduEncoder.paeGroupAddress(), SRC, 3,
                List.of(MkpduEncoder.basic(new MkpduEncoder.Basic(1, 16, false, true, 3, 1, mi, 1,
                        Mkpdu.ALGORITHM_AGILITY_2010, CKN))), null, -4);
        Dissection d2 = new Dissection();
        Mkpdu m = EapolDecoder.decode(shortEapol, 0, 0, 14, shortEapol.length, d2);
        assertInstanceOf(Mkpdu.class, m);
        assertFalse(m.hasIcv(), "the EAPOL length cut the ICV short");
    }
}
