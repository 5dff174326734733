package dev.macsec.decode.mka;

import dev.macsec.decode.EthernetFields;
import dev.macsec.decode.FrameDecoder;
import dev.macsec.decode.Frames;
import dev.macsec.decode.CapturedFrames;
import dev.macsec.field.Bytes;
import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.Severity;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static dev.macsec.decode.Frames.codes;
import static dev.macsec.decode.Frames.expert;
import static dev.macsec.decode.mka.MkpduBuilder.hex;
import static org.junit.jupiter.api.Assertions.*;

class MkpduDecoderTest {
    private static final String CKN = "6162636465666768";
    private static final String PEER = "f86af28530c8c924cf95c4d1" + "00000009";
    private static final String SAK_USE_40 = "aabbccddeeff001122334455" + "00000001" + "00000064"
            + "000000000000000000000000" + "00000000" + "00000000";

    private record Decoded(Mkpdu mkpdu, Dissection dissection) {
    }

    private static Decoded decode(byte[] frame) {
        Dissection d = new Dissection();
        FrameDecoder decoder = new FrameDecoder();
        decoder.decode(1, frame, 0, frame.length, d);
        return new Decoded(decoder.lastMkpdu(), d);
    }

    private static byte[] cmac(byte[] key, byte[] data) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }

    @Test
    void everyMkpduOfTheLinuxCaptureParsesCleanlyAndItsIcvVerifiesOverTheReportedOctets() throws Exception {
        // pcaps/linux-dut/KEYS.md: ICK derived from the pre-shared CAK
        byte[] ick = HexFormat.of().parseHex("daf4c372bc50b80a86a39eb12b360517");
        CapturedFrames.Capture cap = Frames.pcap("linux-dut/mka.pcap");
        FrameDecoder decoder = new FrameDecoder();
        int mkpdus = 0;
        boolean sawSak = false;
        for (CapturedFrames.Frame f : cap.frames()) {
            Dissection d = new Dissection();
            decoder.decode(f.meta(), cap.linkType(), f.data(), 0, f.data().length, d);
            Mkpdu m = decoder.lastMkpdu();
            if (m == null) {
                continue;
            }
            mkpdus++;
            assertEquals(List.of(), codes(d), "frame " + f.meta().number());
            assertTrue(m.hasIcv());
            assertArrayEquals(m.icv().octets(), cmac(ick, m.icvInput().octets()), "ICV of frame " + f.meta().number());
            assertEquals(m.icvOffset(), m.icvInput().length(), "covers DA up to the ICV");
            assertEquals(1, m.version());
            assertEquals(0x0080C201L, m.algorithmAgility());
            assertEquals(new Bytes(hex("6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435")), m.ckn());
            var sak = m.find(ParameterSet.DistributedSak.class);
            if (sak.isPresent()) {
                sawSak = true;
                assertEquals(0, sak.get().an());
                assertEquals(1, sak.get().keyNumber());
                assertFalse(sak.get().cipherSuiteExplicit());
                assertEquals(ParameterSet.GCM_AES_128, sak.get().cipherSuite());
                assertEquals(new Bytes(hex("723d95172b29f46192f8aec032d20ecf2dd4260e85d1c3b8")), sak.get().wrappedSak());
                assertTrue(m.keyServer());
                assertEquals(0x52540000000a0001L, m.sci());
            }
        }
        assertEquals(36, mkpdus, "KEYS.md: 36 MKPDUs");
        assertTrue(sawSak);
    }

    @Test
    void allParameterSetTypesInOrderDecodeIntoTheModel() {
        byte[] frame = new MkpduBuilder().basic(3, 0, CKN)
                .set(1, 0x02, 0, PEER)
                .set(2, 0, 0, "0c0b0a090807060504030201" + "00000003")
                .set(3, 0x40 | 0x20 | 0x10 | 0x04 | 0x02, 0x10, SAK_USE_40)
                .set(4, 0x40 | 0x20, 0, "00000002" + "0080c20001000003" + "11".repeat(24))
                .set(5, 0, 0, "22".repeat(24) + "414243")
                .set(6, 0, 0, "6b6d64")
                .set(7, 0, 0, "e014" + "0003 0080c20001000001" + "0003 0080c20001000003" + "fe02abcd")
                .set(8, 5, 0, "00000001" + "00000000")
                .set(255, 0, 0, new byte[0], 16, false)
                .icv().frame();
        Decoded r = decode(frame);
        assertEquals(List.of(), codes(r.dissection()));
        Mkpdu m = r.mkpdu();
        assertEquals(3, m.version());
        assertEquals(16, m.keyServerPriority());
        assertTrue(m.keyServer());
        assertTrue(m.macsecDesired());
        assertEquals(3, m.macsecCapability());
        assertEquals(7, m.actorMn());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 255), m.parameterSets().stream().map(ParameterSet::type).toList());
        var live = m.find(ParameterSet.LivePeerList.class).orElseThrow();
        assertEquals(2, live.keyServerSsci());
        assertEquals(9, live.peers().get(0).mn());
        assertEquals(3, m.potentialPeers().get(0).mn());
        var use = m.find(ParameterSet.SakUse.class).orElseThrow();
        assertEquals(1, use.latestAn());
        assertTrue(use.latestTx() && use.latestRx() && !use.oldRx() && use.oldTx());
        assertEquals(1, use.oldAn());
        assertTrue(use.delayProtect());
        assertFalse(use.plainTx());
        assertEquals(100, use.latestLowestPn());
        var sak = m.find(ParameterSet.DistributedSak.class).orElseThrow();
        assertEquals(1, sak.an());
        assertEquals(2, sak.confidentialityOffset());
        assertEquals(0x0080C20001000003L, sak.cipherSuite());
        assertEquals(24, sak.wrappedSak().length());
        var cak = m.find(ParameterSet.DistributedCak.class).orElseThrow();
        assertEquals(new Bytes(hex("414243")), cak.ckn());
        var ann = m.find(ParameterSet.Announcement.class).orElseThrow();
        assertEquals(List.of(112, 127), ann.tlvs().stream().map(ParameterSet.AnnouncementTlv::tlvType).toList());
        assertEquals(0x0080C20001000003L, ann.tlvs().get(0).cipherSuites().get(1).cipherSuite());
        var xpn = m.find(ParameterSet.Xpn.class).orElseThrow();
        assertEquals(5, xpn.suspensionTime());
        assertEquals(1, xpn.latestLowestPnMsb());
        assertEquals(16, m.icv().length());
        assertEquals(frame.length - 16, m.icvOffset());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 255L),
                r.dissection().all(MkaFields.PARAM_SET_TYPE).stream().map(v -> v.value()).toList());
    }

    @Test
    void distributedSakBodies() {
        Mkpdu plain = decode(new MkpduBuilder().basic(1, 0, CKN).set(4, 0, 0, "").icv().frame()).mkpdu();
        assertTrue(plain.find(ParameterSet.DistributedSak.class).orElseThrow().plainText());
        Mkpdu aes256 = decode(new MkpduBuilder().basic(1, 0, CKN)
                .set(4, 0xC0, 0, "00000005" + "0080c20001000002" + "33".repeat(40)).icv().frame()).mkpdu();
        var s = aes256.find(ParameterSet.DistributedSak.class).orElseThrow();
        assertEquals(3, s.an());
        assertEquals(40, s.wrappedSak().length());
        assertEquals(0x0080C20001000002L, s.cipherSuite());
        Decoded bad = decode(new MkpduBuilder().basic(1, 0, CKN).set(4, 0, 0, "00000005" + "44".repeat(20)).icv().frame());
        assertTrue(codes(bad.dissection()).contains("mka.bad_body_length"));
    }

    @Test
    void ethernetPaddingAfterTheMkpduIsNotCoveredByTheIcv() {
        byte[] frame = new MkpduBuilder().basic(1, 0, CKN).icv().frame(MkpduBuilder.PAE, 10);
        Decoded r = decode(frame);
        assertEquals(List.of(), codes(r.dissection()));
        assertEquals(frame.length - 10 - 16, r.mkpdu().icvOffset());
        assertEquals(frame.length - 10 - 16, r.mkpdu().icvInput().length());
        assertEquals(10, r.dissection().first(EthernetFields.PADDING).length());
    }

    private static Expert only(byte[] frame, String code) {
        Decoded r = decode(frame);
        assertTrue(codes(r.dissection()).contains(code), code + " expected in " + r.dissection().experts());
        return expert(r.dissection(), code);
    }

    @Test
    void anomalies() {
        assertEquals(Severity.ERROR, only(new MkpduBuilder().raw("0110f000" + "00".repeat(20)).frame(), "mka.short").severity());
        assertEquals(Severity.WARN, only(new MkpduBuilder().basic(1, 0, CKN).icv().raw("0000").frame(),
                "mka.not_multiple_of_4").severity());
        assertEquals(Severity.WARN, only(new MkpduBuilder().basic(9, 0, CKN).icv().frame(), "mka.unknown_version").severity());
        assertEquals(Severity.ERROR, only(new MkpduBuilder().basic(1, 0, "61".repeat(33)).icv().frame(),
                "mka.ckn_too_long").severity());
        assertEquals(Severity.WARN, only(new MkpduBuilder().basic(1, 0, CKN).icv().frame("0180c200000e", 0),
                "mka.dest_not_pae").severity());
        // a body length that runs past the end
        assertEquals(Severity.ERROR, only(new MkpduBuilder().basic(1, 0, CKN).set(1, 0, 0, hex(PEER), 400, true).icv().frame(),
                "mka.param_past_end").severity());
        // out of order: SAK Use before Live Peer List
        Expert order = only(new MkpduBuilder().basic(1, 0, CKN).set(3, 0, 0, "").set(1, 0, 0, PEER).icv().frame(), "mka.bad_order");
        assertEquals(Severity.WARN, order.severity());
        assertTrue(order.message().contains("11.11.3"));
        // ICV Indicator not last
        assertEquals(Severity.ERROR, only(new MkpduBuilder().basic(1, 0, CKN).set(255, 0, 0, new byte[0], 16, false)
                .set(1, 0, 0, PEER).icv().frame(), "mka.icv_indicator_not_last").severity());
        // unknown parameter set: kept raw, with a note
        Decoded unknown = decode(new MkpduBuilder().basic(1, 0, CKN).set(42, 0, 0, "0102030405").icv().frame());
        assertEquals(Severity.NOTE, expert(unknown.dissection(), "mka.unknown_param_set").severity());
        assertEquals(new ParameterSet.Unknown(42, 0, new Bytes(hex("0102030405"))), unknown.mkpdu().parameterSets().get(0));
        // bad SAK Use length, bad peer list length
        assertTrue(codes(decode(new MkpduBuilder().basic(1, 0, CKN).set(3, 0, 0, "00".repeat(20)).icv().frame()).dissection())
                .contains("mka.bad_body_length"));
        assertTrue(codes(decode(new MkpduBuilder().basic(1, 0, CKN).set(1, 0, 0, PEER + "0000").icv().frame()).dissection())
                .contains("mka.bad_body_length"));
        // no room for the ICV
        assertEquals(Severity.ERROR, only(new MkpduBuilder().basic(1, 0, CKN).raw("c0".repeat(8)).frame(), "mka.icv_missing")
                .severity());
        // EAPOL length past the end of the frame
        byte[] f = new MkpduBuilder().basic(1, 0, CKN).icv().frame();
        f[17] = (byte) (f[17] + 40);
        assertEquals(Severity.ERROR, only(f, "eapol.len_past_end").severity());
    }

    @Test
    void parameterSetNotPaddedToFourOctets() {
        // a 13-octet KMD body followed by a single octet: the 3 padding octets are not there
        byte[] body = new MkpduBuilder().basic(1, 0, CKN).set(6, 0, 0, hex("6b".repeat(13)), -1, false).raw("00").body();
        Decoded r = decode(concatFrame(body));
        Expert e = expert(r.dissection(), "mka.padding_past_end");
        assertEquals(Severity.ERROR, e.severity());
        assertEquals(18 + 40 + 4 + 13, e.offset(), "at the end of the KMD body");
        assertTrue(codes(r.dissection()).contains("mka.icv_missing"));
    }

    private static byte[] concatFrame(byte[] mkpdu) {
        return Frames.concat(hex(MkpduBuilder.PAE + MkpduBuilder.SRC + "888e0305"),
                new byte[]{(byte) (mkpdu.length >> 8), (byte) mkpdu.length}, mkpdu);
    }

    @Test
    void eapolPacketTypesAreNamed() {
        for (int type = 0; type <= 8; type++) {
            byte[] frame = hex(MkpduBuilder.PAE + MkpduBuilder.SRC + "888e" + "03" + String.format("%02x", type) + "0000");
            Dissection d = decode(frame).dissection();
            assertNotNull(EapolFields.PACKET_TYPES.get((long) type));
            assertEquals(EapolFields.PACKET_TYPES.get((long) type) + " (" + type + ")", d.first(EapolFields.TYPE).display());
            assertFalse(codes(d).contains("eapol.unknown_type"));
        }
        Dissection unknown = decode(hex(MkpduBuilder.PAE + MkpduBuilder.SRC + "888e" + "04" + "09" + "0000")).dissection();
        assertTrue(codes(unknown).containsAll(List.of("eapol.unknown_type", "eapol.unknown_version")));
    }
}
