package dev.macsec.keys;

import dev.macsec.testing.ProjectFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeychainTest {
    private static final String ROTATION = """
            {"caks":[
              {"ckn":"aa01","cak":"11111111111111111111111111111111","name":"current"},
              {"ckn":"bb02","cak":"22222222222222222222222222222222","name":"other port"},
              {"ckn":"aa01","cak":"33333333333333333333333333333333","name":"previous"},
              {"ckn":"aa01","cak":"4444444444444444444444444444444444444444444444444444444444444444","name":"older"}]}""";

    @Test
    void lookupReturnsEveryPairWithThatCknInFileOrder() {
        Keychain k = KeysFile.parse(ROTATION, "rotation.json").keychain();
        List<CakEntry> found = k.lookup(Hex.of("aa01"));
        assertEquals(List.of("current", "previous", "older"), found.stream().map(e -> e.name().orElseThrow()).toList());
        assertEquals(List.of(1, 3, 4), found.stream().map(CakEntry::number).toList());
        assertEquals(1, k.lookup(Hex.of("bb02")).size());
        assertTrue(k.lookup(Hex.of("aa")).isEmpty());
        assertTrue(k.lookup(Hex.of("aa0100")).isEmpty());
    }

    @Test
    void lookupInsideAFrameBuffer() {
        Keychain k = KeysFile.parse(ROTATION, "rotation.json").keychain();
        byte[] frame = Hex.of("ffffbb02ffff");
        assertEquals("other port", k.lookup(frame, 2, 2).get(0).name().orElseThrow());
    }

    @Test
    void withAddsADerivedPairAfterTheOthers() {
        KeysFile lab = KeysFile.load(ProjectFiles.pcap("macsec_lab/keys-macsec.json"));
        Keychain psk = new Keychain(List.of(lab.caks().get(0)));
        CakEntry eap = lab.msks().get(0).derive(Hex.of("02000000000b"), Hex.of("02000000000a"), 128);
        Keychain both = psk.with(eap);
        assertEquals(2, both.entries().size());
        assertEquals(List.of(eap), both.lookup(Hex.of("3a4c35b14d5ffb90dd69687cf15fac47")));
        assertFalse(psk.isEmpty());
    }

    @Test
    void toStringsNeverShowKeyBytes() {
        KeysFile lab = KeysFile.load(ProjectFiles.pcap("macsec_lab/keys-macsec.json"));
        KeysFile linux = KeysFile.load(ProjectFiles.pcap("linux-dut/keys.json"));
        String shown = lab + " " + linux + " " + lab.keychain() + " " + linux.keychain()
                + " " + lab.msks().get(0).derive(Hex.of("02000000000b"), Hex.of("02000000000a"), 128);
        for (KeysFile f : List.of(lab, linux)) {
            for (SakEntry s : f.saks()) {
                assertFalse(shown.contains(Hex.format(s.sak())), s.toString());
                assertTrue(shown.contains(s.toString()));
            }
            for (CakEntry c : f.caks()) {
                assertFalse(shown.contains(Hex.format(c.cak())));
                assertFalse(shown.contains(Hex.format(c.ick())));
                assertFalse(shown.contains(Hex.format(c.kek())));
                assertTrue(shown.contains(Hex.format(c.ckn())), "the CKN names the key and may be shown");
            }
            for (MskEntry m : f.msks()) {
                assertFalse(shown.contains(Hex.format(m.msk()).substring(0, 32)));
            }
        }
    }
}
