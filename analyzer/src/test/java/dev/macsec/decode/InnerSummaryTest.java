package dev.macsec.decode;

import dev.macsec.field.Dissection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.macsec.decode.Frames.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InnerSummaryTest {
    private static final String ETH = "020000000001 525400000002";

    @Test
    void icmpEchoRequest() {
        byte[] f = hex(ETH, "0800", "45000054 1234 4000 4001 0000 0a630001 0a630002", "0800 f7ff 0001 0001", "00".repeat(56));
        assertEquals("IPv4 ICMP echo request 10.99.0.1 \u2192 10.99.0.2", InnerSummary.describe(f, 0, f.length));
        Dissection d = new Dissection();
        new FrameDecoder().decodeInner(f, 0, f.length, d);
        assertEquals(1L, d.first(InnerFields.IP_PROTO).value());
        assertEquals("10.99.0.2", d.first(InnerFields.IP_DST).display());
        assertEquals(8L, d.first(InnerFields.ICMP_TYPE).value());
    }

    @Test
    void arpWhoHas() {
        byte[] f = hex("ffffffffffff 525400000002", "0806", "0001 0800 06 04 0001", "525400000002 0a630001", "000000000000 0a630002");
        assertEquals("ARP Who has 10.99.0.2? Tell 10.99.0.1", InnerSummary.describe(f, 0, f.length));
    }

    @Test
    void ipv6NeighborSolicitationAndMldv2ReportBehindHopByHop() {
        byte[] ns = hex("3333ff000002 525400000002", "86dd", "60000000 0020 3a ff", "fe80000000000000505400fffe000002",
                "ff0200000000000000000001ff000002", "87 00 0000 00000000", "fe800000000000000000000000000002", "0101525400000002");
        assertEquals("IPv6 ICMPv6 Neighbor Solicitation", InnerSummary.describe(ns, 0, ns.length));
        byte[] mld = hex("333300000016 525400000002", "86dd", "60000000 0024 00 01", "00000000000000000000000000000000",
                "ff020000000000000000000000000016", "3a00 0502 0000 0100", "8f00 0000 0000 0001", "04000000 ff0200000000000000000001ff000002");
        assertEquals("IPv6 ICMPv6 Multicast Listener Report v2", InnerSummary.describe(mld, 0, mld.length));
    }

    @Test
    void udpLldpAndUnknown() {
        byte[] udp = hex(ETH, "0800", "4500001c 0000 0000 4011 0000 0a630001 0a630002", "04d2 0035 0008 0000");
        assertEquals("IPv4 UDP 1234 \u2192 53", InnerSummary.describe(udp, 0, udp.length));
        byte[] lldp = hex("0180c200000e 525400000002", "88cc", "0207 04525400000002");
        assertEquals("LLDP", InnerSummary.describe(lldp, 0, lldp.length));
        byte[] other = hex(ETH, "88b5", "00");
        assertEquals("EtherType 0x88b5", InnerSummary.describe(other, 0, other.length));
    }

    @ParameterizedTest
    @CsvSource({
            "20010db8000000000000000000000001, 2001:db8::1",
            "00000000000000000000000000000000, ::",
            "00000000000000000000000000000001, ::1",
            "fe80000000000000505400fffe000002, fe80::5054:ff:fe00:2",
            "20010db8000000010000000000000001, 2001:db8:0:1::1",
            "20010db8000000000001000000000001, 2001:db8::1:0:0:1",
            "20010db80000ffff0001000100010001, 2001:db8:0:ffff:1:1:1:1",
            "ff020000000000000000000000000016, ff02::16",
    })
    void ipv6TextIsRfc5952(String octets, String text) {
        assertEquals(text, InnerDecoder.ipv6Text(hex(octets), 0));
    }
}
