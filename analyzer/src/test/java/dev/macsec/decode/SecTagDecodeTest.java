package dev.macsec.decode;

import dev.macsec.field.Dissection;
import dev.macsec.field.Expert;
import dev.macsec.field.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.macsec.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

class SecTagDecodeTest {
    private static final String DA_SA = "010203040506 0a0b0c0d0e0f";

    /** Ethernet + SecTAG (explicit SCI when sc) + n octets of secure data + ICV (0xEE...). */
    static byte[] macsec(int tciAn, int sl, long pn, boolean sc, int dataLen) {
        String tag = String.format("88e5 %02x %02x %08x", tciAn, sl, pn) + (sc ? "0a0b0c0d0e0f0007" : "");
        byte[] data = new byte[dataLen];
        for (int i = 0; i < dataLen; i++) {
            data[i] = (byte) i;
        }
        return concat(hex(DA_SA, tag), data, hex("ee".repeat(16)));
    }

    @Test
    void validFrameWithExplicitSciDecodesEveryField() {
        Dissection d = decodeEthernet(macsec(0x2C | 1, 0, 77, true, 60));
        assertEquals(List.of(), codes(d));
        assertEquals(0x0BL, value(d, MacsecFields.TCI));
        assertEquals(true, value(d, MacsecFields.TCI_SC));
        assertEquals(true, value(d, MacsecFields.TCI_E));
        assertEquals(true, value(d, MacsecFields.TCI_C));
        assertEquals(false, value(d, MacsecFields.TCI_ES));
        assertEquals(1L, value(d, MacsecFields.AN));
        assertEquals(77L, value(d, MacsecFields.PN));
        assertEquals(0x0a0b0c0d0e0f0007L, value(d, MacsecFields.SCI));
        assertEquals(7L, value(d, MacsecFields.SCI_PORT));
        assertNull(d.first(MacsecFields.SCI_IMPLICIT));
        assertEquals(60, d.first(MacsecFields.ENCRYPTED_DATA).length());
        assertEquals(28, d.first(MacsecFields.ENCRYPTED_DATA).offset());
        assertEquals(88, d.first(MacsecFields.ICV).offset());
        assertNull(d.first(MacsecFields.ETYPE), "encrypted user data has no visible EtherType");
    }

    @Test
    void implicitSciComesFromSourceMacAndPortOneAndIsMarked() {
        Dissection d = decodeEthernet(macsec(0x40 | 0x0C, 0, 5, false, 50));
        assertEquals(List.of(), codes(d));
        assertEquals(0x0a0b0c0d0e0f0001L, value(d, MacsecFields.SCI));
        assertEquals(true, value(d, MacsecFields.SCI_IMPLICIT));
        assertEquals(6, d.first(MacsecFields.SCI).offset(), "points at the source MAC");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // rule,                  tci, sl, pn, sc,    data, offset, length
            "sectag.version_not_zero,  0xAC, 0, 1, true,  60, 14, 1",
            "sectag.es_and_sc,         0x6C, 0, 1, true,  60, 14, 1",
            "sectag.scb_and_sc,        0x3C, 0, 1, true,  60, 14, 1",
            "sectag.sl_reserved_bits,  0x2C, 0xC0, 1, true, 60, 15, 1",
            "sectag.short_length_mismatch, 0x2C, 20, 1, true, 21, 15, 1",
            "sectag.short_length_mismatch, 0x2C, 48, 1, true, 48, 15, 1",
            "sectag.short_without_sl,  0x2C, 0, 1, true,  47, 15, 1",
            "sectag.pn_zero,           0x2C, 0, 0, true,  60, 16, 4",
            "sectag.too_short_for_icv, 0x2C, 0, 1, true,  -10, 12, 22",
    })
    void eachBrokenRuleIsAnErrorOnTheOffendingOctets(String code, String tci, String sl, long pn, boolean sc, int data,
                                                    int offset, int length) {
        byte[] frame = data >= 0 ? macsec(Integer.decode(tci), Integer.decode(sl), pn, sc, data)
                : java.util.Arrays.copyOf(macsec(Integer.decode(tci), Integer.decode(sl), pn, sc, 0), 12 + 16 + 6);
        Dissection d = decodeEthernet(frame);
        Expert e = expert(d, code);
        assertEquals(Severity.ERROR, e.severity());
        assertEquals(offset, e.offset(), e.toString());
        assertEquals(length, e.length(), e.toString());
        assertTrue(e.message().contains("802.1AE-2018 9."), e.message());
        assertEquals(1, d.experts().size(), "only the one broken rule: " + d.experts());
    }

    @Test
    void shortFrameWithMatchingSlIsValid() {
        assertEquals(List.of(), codes(decodeEthernet(macsec(0x2C, 20, 1, true, 20))));
        assertEquals(List.of(), codes(decodeEthernet(macsec(0x2C, 47, 1, true, 47))));
        assertEquals(List.of(), codes(decodeEthernet(macsec(0x2C, 0, 1, true, 48))));
    }

    @Test
    void truncatedSecTagIsReportedWithoutFields() {
        byte[] frame = java.util.Arrays.copyOf(macsec(0x2C, 0, 1, true, 60), 14 + 10);
        Dissection d = decodeEthernet(frame);
        assertEquals(List.of("sectag.truncated_sectag"), codes(d));
        assertEquals(1L, value(d, MacsecFields.PN), "what was captured is still shown");
        assertNull(d.first(MacsecFields.SCI));
    }

    @Test
    void changedWithoutEncryptedIsANoteNotAViolation() {
        Dissection d = decodeEthernet(macsec(0x24, 0, 1, true, 60));
        Expert e = expert(d, "sectag.c_without_e");
        assertEquals(Severity.NOTE, e.severity());
        assertEquals(1, d.experts().size());
    }

    @Test
    void integrityOnlyUserDataIsDecoded() {
        byte[] ipv4 = hex("0800", "45000022 0001 0000 4011 0000 0a630001 0a630002", "04d2 0035 000e 0000", "010203040506");
        Dissection d = decodeEthernet(concat(hex(DA_SA, "88e5 20 24 00000009 0a0b0c0d0e0f0001"), ipv4, hex("ee".repeat(16))));
        assertEquals(List.of(), codes(d));
        assertEquals(0x0800L, value(d, MacsecFields.ETYPE));
        assertEquals("IPv4 UDP 1234 \u2192 53", InnerSummary.describe(d));
    }

    @Test
    void vlanAndQinQTagsBeforeTheSecTag() {
        byte[] inner = macsec(0x2C, 0, 9, true, 60);
        byte[] tagged = concat(java.util.Arrays.copyOf(inner, 12), hex("88a8 2064 8100 a00a"),
                java.util.Arrays.copyOfRange(inner, 12, inner.length));
        Dissection d = decodeEthernet(tagged);
        assertEquals(List.of(), codes(d));
        assertEquals(List.of(100L, 10L), d.all(EthernetFields.VLAN_ID).stream().map(v -> v.value()).toList());
        assertEquals(List.of(1L, 5L), d.all(EthernetFields.VLAN_PRIORITY).stream().map(v -> v.value()).toList());
        assertEquals(List.of(0x88A8L, 0x8100L), d.all(EthernetFields.VLAN_TPID).stream().map(v -> v.value()).toList());
        assertEquals(9L, value(d, MacsecFields.PN));
        assertEquals(22, d.first(MacsecFields.TCI).offset());
        // legacy 0x9100 S-tag too
        byte[] legacy = concat(java.util.Arrays.copyOf(inner, 12), hex("9100 0005"),
                java.util.Arrays.copyOfRange(inner, 12, inner.length));
        Dissection l = decodeEthernet(legacy);
        assertEquals(5L, value(l, EthernetFields.VLAN_ID));
        assertEquals(9L, value(l, MacsecFields.PN));
    }

    @Test
    void linuxCookedCaptureV1AndV2() {
        byte[] eth = macsec(0x0C, 0, 3, false, 60);   // implicit SCI: needs the source address from the SLL header
        byte[] payload = java.util.Arrays.copyOfRange(eth, 14, eth.length);
        byte[] sll = concat(hex("0004 0001 0006 0a0b0c0d0e0f 0000 88e5"), payload);
        byte[] sll2 = concat(hex("88e5 0000 00000003 0001 04 06 0a0b0c0d0e0f 0000"), payload);
        for (var c : List.of(new Object[]{LinkLayer.LINKTYPE_LINUX_SLL, sll, 16}, new Object[]{LinkLayer.LINKTYPE_LINUX_SLL2, sll2, 20})) {
            Dissection d = decode((Integer) c[0], (byte[]) c[1]);
            assertEquals(List.of(), codes(d), "link type " + c[0]);
            assertEquals(0x0a0b0c0d0e0fL, value(d, EthernetFields.SLL_SRC));
            assertEquals(0x88E5L, value(d, EthernetFields.SLL_ETYPE));
            assertEquals(0x0a0b0c0d0e0f0001L, value(d, MacsecFields.SCI));
            assertEquals(3L, value(d, MacsecFields.PN));
            assertEquals((Integer) c[2], d.first(MacsecFields.TCI).offset());
        }
        assertEquals(3L, value(decode(LinkLayer.LINKTYPE_LINUX_SLL2, sll2), EthernetFields.SLL_IFINDEX));
    }

    @Test
    void unsupportedLinkTypeIsAnExpertNotACrash() {
        Dissection d = decode(105, new byte[40]);
        Expert e = expert(d, "frame.unsupported_link_type");
        assertTrue(e.message().contains("unsupported link type 105"));
    }

    @Test
    void frameMetadataLayer() {
        Dissection d = new Dissection();
        byte[] frame = macsec(0x2C, 0, 1, true, 60);
        new FrameDecoder().decode(new FrameMeta(7, 1461660372L, 837554000, frame.length, frame.length), 1, frame, 0,
                frame.length, d);
        assertEquals(7L, value(d, FrameFields.NUMBER));
        assertEquals("1461660372.837554000", value(d, FrameFields.TIME_EPOCH));
        assertEquals((long) frame.length, value(d, FrameFields.LEN));
        assertEquals((long) frame.length, value(d, FrameFields.CAP_LEN));
    }
}
