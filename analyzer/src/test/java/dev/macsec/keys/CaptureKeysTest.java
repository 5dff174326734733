package dev.macsec.keys;

import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key hierarchy against the bundled captures, reading keys from the keys files in our format:
 * a real Linux/wpa_supplicant MKA session (pcaps/linux-dut) and the MACsec_Lab stories (pcaps/macsec_lab).
 */
class CaptureKeysTest {
    private static final KeysFile LINUX = KeysFile.load(ProjectFiles.pcap("linux-dut/keys.json"));
    private static final KeysFile LAB = KeysFile.load(ProjectFiles.pcap("macsec_lab/keys-macsec.json"));

    @Test
    void linuxDutIckAndKekFromKeysMd() {
        CakEntry cak = LINUX.caks().get(0);
        assertEquals("daf4c372bc50b80a86a39eb12b360517", Hex.format(cak.ick()));
        assertEquals("d1eed7b4638f373c9b5891bb6342cdb8", Hex.format(cak.kek()));
        KeyWrap.Result r = KeyWrap.unwrap(cak.kek(), Hex.of("723d95172b29f46192f8aec032d20ecf2dd4260e85d1c3b8"));
        assertEquals("cdeb2e70e64250b2365aa4f63b2da88e", Hex.format(assertInstanceOf(KeyWrap.Result.Unwrapped.class, r).key()));
    }

    @Test
    void linuxDutEveryMkpduVerifiesAndTheDistributedSakUnwraps() throws IOException {
        List<byte[]> mkpdus = PcapFrames.mkpdus(PcapFrames.read(ProjectFiles.pcap("linux-dut/mka.pcap")));
        assertEquals(36, mkpdus.size());
        Keychain keychain = LINUX.keychain();
        List<String> unwrapped = new ArrayList<>();
        for (byte[] f : mkpdus) {
            List<CakEntry> found = keychain.lookup(f, MkpduParams.cknOffset(f), MkpduParams.cknLength(f));
            assertEquals(1, found.size());
            CakEntry cak = found.get(0);
            int end = PcapFrames.mkpduEnd(f);
            assertTrue(new MkpduIcv(cak.ick()).verify(f, 0, end - 16, end - 16));
            byte[] tampered = f.clone();
            tampered[end - 17] ^= 1;
            assertFalse(new MkpduIcv(cak.ick()).verify(tampered, 0, end - 16, end - 16));
            for (MkpduParams.Param p : MkpduParams.params(f)) {
                if (p.type() == 4 && p.bodyLength() > 0) {
                    KeyWrap.Result r = KeyWrap.unwrap(cak.kek(), f, p.body() + 4, 24);
                    unwrapped.add(Hex.format(assertInstanceOf(KeyWrap.Result.Unwrapped.class, r).key()));
                }
            }
        }
        assertFalse(unwrapped.isEmpty());
        assertTrue(unwrapped.stream().allMatch("cdeb2e70e64250b2365aa4f63b2da88e"::equals), unwrapped.toString());
    }

    @Test
    void linuxDutStaticSaksCarryTheirScis() {
        assertEquals("SAK#1(GCM-AES-128, 128-bit, SCI 5254000000020001, AN 0)", LINUX.saks().get(0).toString());
        assertEquals("SAK#2(GCM-AES-128, 128-bit, SCI 0200000000010001, AN 0)", LINUX.saks().get(1).toString());
        assertEquals("00112233445566778899aabbccddeeff", Hex.format(LINUX.saks().get(0).sak()));
        assertTrue(LINUX.saks().get(1).appliesTo(0x0200000000010001L, 0));
        assertFalse(LINUX.saks().get(1).appliesTo(0x5254000000020001L, 0));
    }

    @Test
    void labEapCakAndCknFromMskAndSessionId() {
        MskEntry msk = LAB.msks().get(0);
        CakEntry derived = msk.derive(Hex.of("02000000000a"), Hex.of("02000000000b"), 128);
        assertEquals("9414a9434321fde7334cfd5356542f2c", Hex.format(derived.cak()));
        assertEquals("3a4c35b14d5ffb90dd69687cf15fac47", Hex.format(derived.ckn()));
        assertEquals("70f53e4b7a70206aac62678b91084eed", Hex.format(derived.ick()));
        assertEquals("74f2ded3c2cac7a47493731736da2415", Hex.format(derived.kek()));
        // and it is the CAK the keys file lists for the EAP story
        assertEquals(List.of(LAB.caks().get(1)), LAB.keychain().lookup(derived.ckn()));
        assertArrayEquals(LAB.caks().get(1).cak(), derived.cak());
    }

    @Test
    void labPskIckAndKek() {
        CakEntry psk = LAB.caks().get(0);
        assertEquals("fe740aa3f51cbdbb4e36d273b644ea8d", Hex.format(psk.ick()));
        assertEquals("4adf6a4df4146c154a8b5f5ae7c6f10d", Hex.format(psk.kek()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mka-handshake.pcap", "mka-after-eap.pcap", "mka-rekey.pcap", "mka-co30.pcap", "mka-xpn.pcap",
            "mka-multi-peer.pcap", "mka-delay-protect.pcap", "session-full.pcap"})
    void labEveryMkpduVerifiesWithTheCakItsCknNames(String pcap) throws IOException {
        List<byte[]> mkpdus = PcapFrames.mkpdus(PcapFrames.read(ProjectFiles.pcap("macsec_lab/" + pcap)));
        assertFalse(mkpdus.isEmpty());
        for (byte[] f : mkpdus) {
            List<CakEntry> found = LAB.keychain().lookup(f, MkpduParams.cknOffset(f), MkpduParams.cknLength(f));
            assertEquals(1, found.size());
            int end = PcapFrames.mkpduEnd(f);
            assertTrue(MkpduIcv.verify(found.get(0).ick(), f, 0, end - 16, end - 16));
            for (MkpduParams.Param p : MkpduParams.params(f)) {
                if (p.type() == 4) {
                    int wrappedAt = p.body() + (p.bodyLength() == 28 ? 4 : 12);
                    KeyWrap.Result r = KeyWrap.unwrap(found.get(0).kek(), f, wrappedAt, 24);
                    byte[] sak = assertInstanceOf(KeyWrap.Result.Unwrapped.class, r).key();
                    int an = p.flags() >>> 6;
                    assertTrue(LAB.saks().stream().anyMatch(s -> java.util.Arrays.equals(s.sak(), sak)
                            && s.an().orElse(an) == an), pcap + ": unwrapped SAK for AN " + an + " is not in keys-macsec.json");
                }
            }
        }
    }

    /**
     * mka-xpn.pcap: the Key Server's Distributed SAK names GCM-AES-XPN-128 and its Live Peer List carries its
     * own SSCI (2): with node-a's SCI below node-b's, the greatest-SCI-first rule gives a 2 and b 1.
     */
    @Test
    void labXpnSuiteAndSsciFromTheLivePeerList() throws IOException {
        List<byte[]> mkpdus = PcapFrames.mkpdus(PcapFrames.read(ProjectFiles.pcap("macsec_lab/mka-xpn.pcap")));
        byte[] ks = mkpdus.get(0);
        long a = MkpduParams.sci(ks);
        long b = MkpduParams.sci(mkpdus.get(1));
        MkpduParams.Param dist = MkpduParams.params(ks).stream().filter(p -> p.type() == 4).findFirst().orElseThrow();
        MkpduParams.Param live = MkpduParams.params(ks).stream().filter(p -> p.type() == 1).findFirst().orElseThrow();
        assertEquals(36, dist.bodyLength());
        long suite = java.nio.ByteBuffer.wrap(ks, dist.body() + 4, 8).getLong();
        SakEntry xpnA = LAB.saks().stream().filter(s -> s.xpn() && s.sci().orElseThrow() == a).findFirst().orElseThrow();
        SakEntry xpnB = LAB.saks().stream().filter(s -> s.xpn() && s.sci().orElseThrow() == b).findFirst().orElseThrow();
        assertEquals(xpnA.cipherSuiteId(), suite);
        KeyWrap.Result r = KeyWrap.unwrap(LAB.caks().get(0).kek(), ks, dist.body() + 12, 24);
        assertArrayEquals(xpnA.sak(), assertInstanceOf(KeyWrap.Result.Unwrapped.class, r).key());

        Map<Long, Integer> sscis = Xpn.sscis(List.of(a, b));
        assertEquals(live.flags(), sscis.get(a));
        assertEquals(xpnA.ssci().orElseThrow(), sscis.get(a).longValue());
        assertEquals(xpnB.ssci().orElseThrow(), sscis.get(b).longValue());
    }

    /**
     * The lab's salt (020a0001 02000000 000a0001) is its own invention, built from node-a's SCI; the frames in
     * mka-xpn.pcap were protected with it, which is why keys-macsec.json carries it explicitly. The 802.1AE-2018
     * 10.7.8 salt from the Key Server's MI and KN 4 differs.
     */
    @Test
    void labSaltIsNotTheStandardSalt() throws IOException {
        byte[] ks = PcapFrames.mkpdus(PcapFrames.read(ProjectFiles.pcap("macsec_lab/mka-xpn.pcap"))).get(0);
        MkpduParams.Param dist = MkpduParams.params(ks).stream().filter(p -> p.type() == 4).findFirst().orElseThrow();
        long kn = java.nio.ByteBuffer.wrap(ks, dist.body(), 4).getInt() & 0xffffffffL;
        assertEquals(4, kn);
        byte[] standard = Xpn.salt(MkpduParams.mi(ks), kn);
        assertEquals("aa05aa02aa03aa04aa05aa06", Hex.format(standard));
        SakEntry xpn = LAB.saks().stream().filter(SakEntry::xpn).findFirst().orElseThrow();
        assertNotEquals(Hex.format(standard), Hex.format(xpn.salt()));
    }
}
