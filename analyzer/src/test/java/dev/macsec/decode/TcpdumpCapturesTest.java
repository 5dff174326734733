package dev.macsec.decode;

import dev.macsec.field.Dissection;
import dev.macsec.field.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.macsec.decode.Frames.*;
import static org.junit.jupiter.api.Assertions.*;

/** The tcpdump test captures (see the .tcpdump.out beside each): SL cases, C without E, a SecTAG cut by snaplen. */
class TcpdumpCapturesTest {
    private static Dissection first(String name) throws IOException {
        CapturedFrames.Capture cap = pcap("tcpdump/" + name);
        CapturedFrames.Frame f = cap.frames().get(0);
        Dissection d = new Dissection();
        new FrameDecoder().decode(f.meta(), cap.linkType(), f.data(), 0, f.data().length, d);
        return d;
    }

    @Test
    void shortValid() throws IOException {
        Dissection d = first("macsec-short-valid.pcap");
        assertEquals(List.of(), codes(d));
        assertEquals(34L, value(d, MacsecFields.SL));
        assertEquals("IPv4 UDP 37459 \u2192 6666", InnerSummary.describe(d));
    }

    @Test
    void shortLongerIsJudgedOnTheWireLength() throws IOException {
        Dissection d = first("macsec-short-longer.pcap");   // 84 octets on the wire, 78 captured
        assertEquals(Severity.ERROR, expert(d, "sectag.short_length_mismatch").severity());
        assertTrue(codes(d).contains("frame.snapped"));
    }

    @Test
    void shortShorter() throws IOException {
        Dissection d = first("macsec-short-shorter.pcap");
        assertEquals(List.of("sectag.short_length_mismatch"), codes(d));
        assertEquals(15, expert(d, "sectag.short_length_mismatch").offset());
    }

    @Test
    void changedWithoutEncrypted() throws IOException {
        Dissection d = first("macsec-changed.pcap");
        assertEquals(List.of("sectag.c_without_e"), codes(d));
        assertEquals(6L, value(d, MacsecFields.PN));
        assertEquals(0x2eb73f3995c3006fL, value(d, MacsecFields.SCI));
        assertNotNull(d.first(MacsecFields.ENCRYPTED_DATA), "C set: the user data is not shown as plain");
    }

    @Test
    void encryptedAndIntegrityOnly() throws IOException {
        Dissection enc = first("macsec-encrypted.pcap");
        assertEquals(List.of(), codes(enc));
        assertEquals(72L, value(enc, MacsecFields.PN));
        Dissection integ = first("macsec-integonly.pcap");
        assertEquals(List.of(), codes(integ));
        assertEquals(68L, value(integ, MacsecFields.PN));
        assertEquals("IPv4 ICMP echo request 192.168.113.1 \u2192 192.168.113.2", InnerSummary.describe(integ));
    }

    @Test
    void secTagCutBySnapshotLength() throws IOException {
        Dissection d = first("macsec-snap.pcap");
        assertEquals(Severity.WARN, expert(d, "sectag.snapped").severity());
        assertFalse(codes(d).contains("sectag.truncated_sectag"), "the frame on the wire was whole");
        assertEquals(0x08L, value(d, MacsecFields.TCI));
    }
}
